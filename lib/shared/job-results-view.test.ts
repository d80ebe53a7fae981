import { describe, expect, it } from "vitest";
import { changeResultsView, parseResultsView, resultsViewSearch } from "./job-results-view";

describe("the job results view in the URL", () => {
  it("reads an empty query as the default view", () => {
    expect(parseResultsView({})).toEqual({
      q: undefined,
      status: [],
      provider: [],
      passed: undefined,
      flagged: undefined,
      sort: "submittedAt",
      dir: "desc",
      size: 50,
      after: undefined,
      before: undefined,
    });
  });

  it("reads lists, repeated parameters and URLSearchParams alike", () => {
    const fromRecord = parseResultsView({
      status: ["completed,timeout", "invited"],
      provider: "smartai",
      sort: "score",
      dir: "asc",
      size: "25",
      q: " Priya ",
    });
    expect(fromRecord).toMatchObject({
      status: ["completed", "timeout", "invited"],
      provider: ["smartai"],
      sort: "score",
      dir: "asc",
      size: 25,
      q: "Priya",
    });
    const fromSearch = parseResultsView(new URLSearchParams("status=completed&status=timeout&flagged=yes&passed=no"));
    expect(fromSearch).toMatchObject({ status: ["completed", "timeout"], flagged: "yes", passed: "no" });
  });

  it("falls back to defaults for values it does not know, instead of failing the page", () => {
    const view = parseResultsView({
      status: "completed,bogus",
      provider: "nobody",
      sort: "password",
      dir: "sideways",
      size: "1000000",
      passed: "maybe",
      q: "x".repeat(500),
    });
    expect(view).toMatchObject({
      status: ["completed"],
      provider: [],
      sort: "submittedAt",
      dir: "desc",
      size: 50,
      passed: undefined,
      q: undefined,
    });
  });

  it("writes a short query string that reads back as the same view", () => {
    const view = parseResultsView({ status: "completed", sort: "score", q: "priya", after: "abc" });
    const search = resultsViewSearch(view);
    expect(search).toBe("?q=priya&status=completed&sort=score&after=abc");
    expect(parseResultsView(new URLSearchParams(search.slice(1)))).toEqual(view);
    expect(resultsViewSearch(parseResultsView({}))).toBe("");
  });

  it("starts again at the first page when filters or sort change, but not when paging", () => {
    const view = parseResultsView({ after: "cursor" });
    expect(changeResultsView(view, { sort: "score" }).after).toBeUndefined();
    expect(changeResultsView(view, { status: ["completed"] }).after).toBeUndefined();
    expect(changeResultsView(view, { after: "next" }).after).toBe("next");
  });
});
