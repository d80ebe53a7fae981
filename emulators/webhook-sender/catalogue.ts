// What the demo's providers assess: jobs, their assessments, and the people who apply.
export interface TestlifyAssessmentSpec {
  assessmentId: string;
  title: string;
  jobRole: string;
  libraries: { id: string; title: string; type: string; skills: string[]; questions: number }[];
}

export interface EngineAssessmentSpec {
  catalogAssessmentId: number;
  assessmentId: number;
  name: string;
  level: string;
  attributes: { id: number; name: string; skill: string; recommended: number }[];
}

export const TESTLIFY_ASSESSMENTS: TestlifyAssessmentSpec[] = [
  {
    assessmentId: "6650a1c2f0e4d2a1b3c4d5e6",
    title: "Frontend Engineer Screening",
    jobRole: "Frontend Engineer",
    libraries: [
      {
        id: "6650a1c2f0e4d2a1b3c4d601",
        title: "JavaScript (ES6+)",
        type: "Programming skills",
        skills: ["Closures", "Async code", "Modules"],
        questions: 12,
      },
      {
        id: "6650a1c2f0e4d2a1b3c4d602",
        title: "React",
        type: "Programming skills",
        skills: ["Hooks", "State", "Rendering"],
        questions: 10,
      },
      {
        id: "6650a1c2f0e4d2a1b3c4d603",
        title: "Communication",
        type: "Situational Judgement",
        skills: ["Behavior", "Team Management"],
        questions: 8,
      },
    ],
  },
  {
    assessmentId: "6650a1c2f0e4d2a1b3c4d7a0",
    title: "Customer Support Specialist",
    jobRole: "Customer Support Specialist",
    libraries: [
      {
        id: "6650a1c2f0e4d2a1b3c4d701",
        title: "Customer service",
        type: "Role specific",
        skills: ["Empathy", "De-escalation"],
        questions: 10,
      },
      {
        id: "6650a1c2f0e4d2a1b3c4d702",
        title: "Written English",
        type: "Language",
        skills: ["Grammar", "Tone"],
        questions: 10,
      },
    ],
  },
];

export const ENGINE_ASSESSMENTS: EngineAssessmentSpec[] = [
  {
    catalogAssessmentId: 202,
    assessmentId: 303,
    name: "Python Proficiency Test",
    level: "intermediate",
    attributes: [
      { id: 10, name: "Logical Reasoning", skill: "Logic", recommended: 70 },
      { id: 11, name: "Python fundamentals", skill: "Python", recommended: 65 },
      { id: 12, name: "Data structures", skill: "Algorithms", recommended: 60 },
    ],
  },
  {
    catalogAssessmentId: 208,
    assessmentId: 311,
    name: "SQL & Analytics Test",
    level: "advanced",
    attributes: [
      { id: 20, name: "SQL queries", skill: "SQL", recommended: 70 },
      { id: 21, name: "Data interpretation", skill: "Analytics", recommended: 60 },
    ],
  },
];

export const FIRST_NAMES = [
  "Amara",
  "Bastian",
  "Chen",
  "Dalia",
  "Emeka",
  "Freya",
  "Goran",
  "Hana",
  "Ines",
  "Jonas",
  "Keiko",
  "Luis",
  "Maya",
  "Nils",
  "Oona",
  "Priya",
  "Rafael",
  "Sanna",
  "Tomás",
  "Yusuf",
];
export const LAST_NAMES = [
  "Okafor",
  "Lindqvist",
  "Wei",
  "Haddad",
  "Mensah",
  "Larsen",
  "Petrovic",
  "Sato",
  "Moreau",
  "Becker",
  "Tanaka",
  "Romero",
  "Patel",
  "Nyberg",
  "Virtanen",
  "Rao",
  "Silva",
  "Kowalski",
];
export const PLACES = [
  { city: "Pune", state: "Maharashtra", country: "India" },
  { city: "Lisbon", state: "Lisbon", country: "Portugal" },
  { city: "Nairobi", state: "Nairobi", country: "Kenya" },
  { city: "Toronto", state: "Ontario", country: "Canada" },
  { city: "Berlin", state: "Berlin", country: "Germany" },
];

/** Testlify's default grading bands, as its assessment samples carry them. */
export const TESTLIFY_GRADING = [
  { max: 25, min: 0, name: "NOT_SUITABLE", color: "#CF4747" },
  { max: 40, min: 26, name: "BEGINNER", color: "#F07A44" },
  { max: 60, min: 41, name: "INTERMEDIATE", color: "#F49B3E" },
  { max: 75, min: 61, name: "EXPERIENCED", color: "#4D9E6F" },
  { max: 90, min: 76, name: "EXPERT", color: "#499FF7" },
  { max: 100, min: 91, name: "PROFICIENT", color: "#9B43BC" },
];
