// The emulated organisation's hiring: jobs, the assessments sent for them, and the people
// who take them. Enough variety that lists, filters and timelines look like real use.

export interface CatalogueAssessment {
  id: string;
  name: string;
  skills: string[];
  passMarks: number;
  timeLimitMinutes: number;
  questions: { question: string; answer: string }[];
}

export interface CatalogueJob {
  title: string;
  assessments: CatalogueAssessment[];
}

const question = (text: string, answer: string) => ({ question: text, answer });

export const JOBS: CatalogueJob[] = [
  {
    title: "Senior Software Engineer",
    assessments: [
      {
        id: "asmt_fs1001",
        name: "Full Stack Developer Assessment",
        skills: ["JavaScript", "React", "Node.js", "SQL"],
        passMarks: 60,
        timeLimitMinutes: 60,
        questions: [
          question("Explain the virtual DOM.", "A lightweight copy of the DOM used to diff renders."),
          question("When would you add a composite index?", "When queries filter on several columns together."),
          question(
            "How does the Node.js event loop handle I/O?",
            "I/O is delegated to the OS; callbacks run when it completes.",
          ),
          question(
            "What does useEffect's dependency array do?",
            "It re-runs the effect only when one of the values changes.",
          ),
        ],
      },
      {
        id: "asmt_sd1002",
        name: "System Design Screen",
        skills: ["Distributed systems", "Caching", "APIs"],
        passMarks: 65,
        timeLimitMinutes: 45,
        questions: [
          question(
            "How would you make a webhook consumer idempotent?",
            "Store the delivery id with a unique key before acting.",
          ),
          question(
            "When is a cache-aside pattern a poor fit?",
            "When writes are frequent and stale reads are not acceptable.",
          ),
        ],
      },
    ],
  },
  {
    title: "Data Analyst",
    assessments: [
      {
        id: "asmt_da2001",
        name: "SQL and Analytics Assessment",
        skills: ["SQL", "Statistics", "Excel"],
        passMarks: 55,
        timeLimitMinutes: 50,
        questions: [
          question("What is the difference between WHERE and HAVING?", "WHERE filters rows, HAVING filters groups."),
          question("When is the median better than the mean?", "When the data is skewed or has outliers."),
          question(
            "How do you find duplicate rows in a table?",
            "GROUP BY the columns and keep groups with COUNT(*) > 1.",
          ),
        ],
      },
    ],
  },
  {
    title: "Product Designer",
    assessments: [
      {
        id: "asmt_pd3001",
        name: "Product Design Challenge",
        skills: ["User research", "Prototyping", "Accessibility"],
        passMarks: 60,
        timeLimitMinutes: 90,
        questions: [
          question(
            "How would you test a checkout redesign?",
            "Moderated usability sessions, then an A/B test on conversion.",
          ),
          question("Name two WCAG contrast requirements.", "4.5:1 for body text and 3:1 for large text."),
        ],
      },
    ],
  },
  {
    title: "DevOps Engineer",
    assessments: [
      {
        id: "asmt_do4001",
        name: "Cloud Infrastructure Assessment",
        skills: ["Kubernetes", "Terraform", "Linux", "Networking"],
        passMarks: 70,
        timeLimitMinutes: 60,
        questions: [
          question(
            "What does a Kubernetes readiness probe decide?",
            "Whether the pod receives traffic from its service.",
          ),
          question(
            "How do you roll back a bad Terraform apply?",
            "Revert the configuration and apply again; state tracks the change.",
          ),
          question("What does `ss -tlnp` show?", "Listening TCP sockets with the owning processes."),
        ],
      },
    ],
  },
  {
    title: "Customer Success Manager",
    assessments: [
      {
        id: "asmt_cs5001",
        name: "Customer Communication Assessment",
        skills: ["Communication", "Problem solving", "Empathy"],
        passMarks: 50,
        timeLimitMinutes: 30,
        questions: [
          question(
            "A customer threatens to churn over a bug. What do you do first?",
            "Acknowledge, find the impact, and agree a next step with a date.",
          ),
          question(
            "How do you prepare a quarterly business review?",
            "Usage data, outcomes against goals, and a plan for next quarter.",
          ),
        ],
      },
    ],
  },
];

export const FIRST_NAMES = [
  "Priya",
  "Tomás",
  "Aisha",
  "Liam",
  "Mei",
  "Oluwaseun",
  "Sofia",
  "Arjun",
  "Hannah",
  "Mateo",
  "Yuki",
  "Fatima",
  "Noah",
  "Chloé",
  "Kwame",
  "Elena",
  "Ravi",
  "Zoe",
  "Jonas",
  "Amara",
  "Lucas",
  "Ingrid",
  "Diego",
  "Nadia",
  "Samuel",
  "Leila",
  "Oscar",
  "Anya",
  "Felix",
  "Imani",
];

export const LAST_NAMES = [
  "Sharma",
  "Ortega",
  "Khan",
  "O'Brien",
  "Chen",
  "Adeyemi",
  "Rossi",
  "Patel",
  "Müller",
  "García",
  "Tanaka",
  "Haddad",
  "Johansson",
  "Dubois",
  "Mensah",
  "Petrova",
  "Nair",
  "Williams",
  "Schmidt",
  "Okafor",
];

export const FEEDBACK_OPENINGS = [
  "Strong grasp of",
  "Confident with",
  "Solid working knowledge of",
  "Clear reasoning on",
];

export const FEEDBACK_GAPS = ["weaker on", "should practise", "hesitant with", "gave incomplete answers on"];
