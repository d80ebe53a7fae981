import "server-only";
// Testlify's antiCheatingMonitor → proctoring details a recruiter can read. Testlify gives no
// integrity score, so none is made up: only the observations and a violation count.
import type { ProctoringDetail } from "../../domain/events";
import type { TestlifyAntiCheatingMonitor } from "./schemas";

export interface TestlifyProctoring {
  details: ProctoringDetail[];
  /**
   * Each time the candidate left the assessment screen, plus one for each other check that
   * failed (full screen left, mouse outside the window, answers from more than one IP).
   * Time spent outside is the same behaviour as leaving the screen, so it is not counted twice.
   */
  violationCount: number;
}

export function proctoringFromMonitor(monitor: TestlifyAntiCheatingMonitor): TestlifyProctoring | null {
  const details: ProctoringDetail[] = [];
  let violationCount = 0;

  const screenLeft = monitor.screenLeftByCandidateCount;
  if (screenLeft !== null) {
    const times = Math.max(0, Math.round(screenLeft));
    violationCount += times;
    details.push({
      kind: "screen_left",
      label: "Left the assessment screen",
      value: times === 1 ? "1 time" : `${times} times`,
      flagged: times > 0,
    });
  }
  if (monitor.timeSpentOutside !== null) {
    details.push({
      kind: "time_outside",
      label: "Time outside the assessment",
      value: formatMilliseconds(monitor.timeSpentOutside),
      flagged: monitor.timeSpentOutside > 0,
    });
  }
  const checks: [keyof TestlifyAntiCheatingMonitor, string, string, string, string][] = [
    ["isFullScreenActive", "full_screen", "Full-screen mode", "stayed in full screen", "left full screen"],
    [
      "isMouseInAssessmentWindow",
      "mouse_in_window",
      "Mouse in the assessment window",
      "stayed in the window",
      "left the window",
    ],
    ["isFilledFromSameIP", "same_ip", "Answered from one IP address", "yes", "no: more than one IP address"],
  ];
  for (const [field, kind, label, passed, failed] of checks) {
    const value = monitor[field];
    if (typeof value !== "boolean") continue;
    if (!value) violationCount += 1;
    details.push({ kind, label, value: value ? passed : failed, flagged: !value });
  }

  // City, region and country only: the payload's street address and coordinates are more
  // than a recruiter needs to see.
  // Not a violation by itself: many assessments never ask for the microphone.
  if (monitor.isMicEnabled !== null) {
    details.push({
      kind: "microphone",
      label: "Microphone",
      value: monitor.isMicEnabled ? "on" : "off",
      flagged: false,
    });
  }

  const place = [monitor.city, monitor.state, monitor.country].filter(Boolean).join(", ");
  if (place) details.push({ kind: "location", label: "Location", value: place, flagged: false });
  if (monitor.device) details.push({ kind: "device", label: "Device", value: monitor.device, flagged: false });

  return details.length > 0 ? { details, violationCount } : null;
}

function formatMilliseconds(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
