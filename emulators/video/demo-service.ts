// The video interview emulator in `npm run demo`: started before the app with fresh
// credentials, pointed at the app's webhook endpoint once it is up, and seeded with a few
// interviews (some candidates never show up, some arrive late, twice or out of order).
import type { DemoService } from "../demo-service";
import { startVideoEmulator, type VideoEmulator } from "./emulator";
import type { CandidateInput } from "./interviews";
import { createRandom } from "../shared/random";
import { generateApiKey, generateWebhookSecret } from "../shared/secrets";

const SEED_ASSESSMENTS = [
  {
    title: "Customer Success video screen",
    jobTitle: "Customer Success Manager",
    answerTimeSeconds: 120,
    questions: [
      { text: "Tell us about a customer relationship you turned around." },
      { text: "How do you decide what to do first when every ticket is urgent?" },
      { text: "Describe a time you said no to a customer. How did it go?" },
    ],
  },
  {
    title: "Frontend Engineer async interview",
    jobTitle: "Frontend Engineer",
    answerTimeSeconds: 180,
    questions: [
      { text: "Walk us through a UI performance problem you diagnosed." },
      { text: "How do you make a component library accessible by default?" },
      { text: "Tell us about a technical disagreement and how it was resolved." },
      { text: "What would you improve first in a codebase you just joined?" },
    ],
  },
];

const FIRST_NAMES = [
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
];
const LAST_NAMES = [
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
];
const TRICKLE_EVERY_MS = 90_000;
const TRICKLE_LIMIT = 24;

export function videoDemoService(options: { port?: number; stepMs?: number } = {}): DemoService {
  let emulator: VideoEmulator | null = null;
  let trickle: NodeJS.Timeout | null = null;
  const random = createRandom();
  let invited = 0;

  function candidate(): CandidateInput {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    invited += 1;
    return { name: `${first} ${last}`, email: `${first}.${last}.${invited}@candidates.example`.toLowerCase() };
  }

  return {
    name: "AI video interviews",
    async start() {
      const apiKey = generateApiKey();
      const webhookSecret = generateWebhookSecret();
      emulator = await startVideoEmulator({
        apiKey,
        webhookSecret,
        port: options.port ?? Number(process.env.VIDEO_EMULATOR_PORT ?? 4310),
        stepMs: options.stepMs ?? 12_000,
        noShowRate: 0.15,
        dropOutRate: 0.1,
        chaos: { duplicateRate: 0.15, lateRate: 0.2 },
      });
      return { VIDEO_API_URL: emulator.url, VIDEO_API_KEY: apiKey, VIDEO_WEBHOOK_SECRET: webhookSecret };
    },
    async afterAppReady(appUrl) {
      if (!emulator) throw new Error("the video emulator was not started");
      const { interviews, webhooks } = emulator;
      webhooks.url = `${appUrl}/api/webhooks/video`;
      const assessments = SEED_ASSESSMENTS.map((input) => interviews.createAssessment(input));
      for (const assessment of assessments) interviews.invite(assessment, [candidate(), candidate(), candidate()], 168);
      // A candidate who never starts, with a short deadline: an invitation visibly expires.
      interviews.invite(assessments[0]!, [candidate()], 0.1, { noShow: true });
      trickle = setInterval(() => {
        if (invited >= TRICKLE_LIMIT) return;
        interviews.invite(random.pick(assessments), [candidate()], 168);
      }, TRICKLE_EVERY_MS);
    },
    async stop() {
      if (trickle) clearInterval(trickle);
      await emulator?.stop();
    },
  };
}
