import "server-only";
// Where an admin asks each provider to delete what it keeps of an erased person: the hub
// deletes its own copy, but recordings, reports and proctoring evidence live at the provider.
import { PROVIDER_LABELS, isProviderId } from "../../shared/vocabulary";

const HOW_TO_ASK: Record<string, string> = {
  smartai:
    "Ask SmartAI's support (from your SmartAI account) to delete the candidate by the candidate id below; recordings and reports sit on its platform.",
  testlify:
    "In Testlify, delete the candidate from the assessment's candidate list, or ask Testlify's support to erase them by email; reports sit on Testlify's CDN.",
  "assessment-engine": "Ask the assessment engine's operator to delete the test instances for the ids below.",
  video: "Ask the video interview provider to delete the interview recordings and transcripts for the ids below.",
};

export function providerLabel(provider: string): string {
  return isProviderId(provider) ? PROVIDER_LABELS[provider] : provider;
}

export function howToAskProvider(provider: string): string {
  return HOW_TO_ASK[provider] ?? "Ask this provider's support to delete the person by the ids below.";
}
