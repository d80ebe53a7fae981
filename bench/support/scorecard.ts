// Each bench's targets: printed as met or MISSED, appended to the run's report (BENCH_REPORT,
// one JSON line each, summed up by bench/run.ts) and turned into the exit code — a missed
// target fails `npm run bench`.
import { appendFileSync } from "node:fs";

export interface TargetLine {
  bench: string;
  measure: string;
  figure: string;
  target: string;
  met: boolean;
}

export class Scorecard {
  private readonly lines: TargetLine[] = [];

  constructor(private readonly bench: string) {}

  check(measure: string, figure: string, target: string, met: boolean): void {
    const line = { bench: this.bench, measure, figure, target, met };
    this.lines.push(line);
    console.log(`${met ? "met   " : "MISSED"}  ${measure}: ${figure} (target ${target})`);
    if (process.env.BENCH_REPORT) appendFileSync(process.env.BENCH_REPORT, `${JSON.stringify(line)}\n`);
  }

  /** A bench that could not measure something is a failure too, shown as such. */
  fail(measure: string, reason: string): void {
    this.check(measure, reason, "a measurement", false);
  }

  get allMet(): boolean {
    return this.lines.every((line) => line.met);
  }
}
