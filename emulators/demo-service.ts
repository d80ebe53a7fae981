// What scripts/demo.ts needs from each emulator: the settings that point the app at it,
// and hooks to start it before the app and (optionally) to send traffic once the app is up.
export interface DemoService {
  name: string;
  /** Started before the app; returns the app settings that point at this emulator. */
  start(): Promise<Record<string, string>>;
  /** Called once the app answers /api/health; may start sending traffic. */
  afterAppReady?(appUrl: string): Promise<void>;
  stop(): Promise<void>;
}
