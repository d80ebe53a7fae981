import { describe, expect, it } from "vitest";
import { isPassingFailure } from "./passing-errors";
import { ApplyRaceError } from "./sql";

describe("isPassingFailure", () => {
  it("takes lock, serialisation, busy and connection failures for passing ones", () => {
    expect(isPassingFailure(new ApplyRaceError("lost a creation race"))).toBe(true);
    expect(isPassingFailure(Object.assign(new Error("x"), { code: "P2034" }))).toBe(true);
    expect(isPassingFailure(new Error("Raw query failed. Code: `40P01`. Message: `deadlock detected`"))).toBe(true);
    expect(
      isPassingFailure(
        new Error("Raw query failed. Code: `55P03`. Message: `canceling statement due to lock timeout`"),
      ),
    ).toBe(true);
    expect(isPassingFailure(new Error("SqliteError: database is locked"))).toBe(true);
    expect(
      isPassingFailure(new Error("wrapper", { cause: Object.assign(new Error("read"), { code: "ECONNRESET" }) })),
    ).toBe(true);
  });

  it("takes a delivery's own failures for lasting ones", () => {
    expect(
      isPassingFailure(new Error("Raw query failed. Code: `SQLITE_CONSTRAINT_TRIGGER`. Message: `rejected by test`")),
    ).toBe(false);
    expect(isPassingFailure(new Error("Raw query failed. Code: `P0001`. Message: `ERROR: rejected by test`"))).toBe(
      false,
    );
    expect(isPassingFailure(new TypeError("Cannot read properties of undefined"))).toBe(false);
  });
});
