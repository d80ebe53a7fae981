import "server-only";
// Services started at boot register here how to stop; the app's HTTP server runs these hooks
// on SIGTERM/SIGINT after it has stopped taking requests (lib/http/server.ts).
//   onShutdown("smartai-poller", () => stopSmartAiPoller());
export { registerShutdownHook as onShutdown, type ShutdownHook } from "../http/shutdown-hooks";
