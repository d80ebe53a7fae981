// zod 4 speeds parsing up by compiling validators with `new Function`, after probing whether
// eval is allowed. The pages' Content-Security-Policy forbids eval in the browser, so the probe
// alone is reported as a violation: in the browser, zod is told to do without. Imported first
// by every module that parses with zod in client code. The server keeps the compiled path.
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
