import { expect, it } from "vitest";
import { escapeHtml, html, trustedMarkup } from "./html";

it("escapes every interpolated string, including inside attributes", () => {
  const hostile = `<script>alert('x')</script>" onload="x" &amp;`;
  const out = html`<p title="${hostile}">${hostile}</p>`.value;
  expect(out).toBe(`<p title="${escapeHtml(hostile)}">${escapeHtml(hostile)}</p>`);
  expect(out).not.toContain("<script>");
  expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
});

it("nests its own output unescaped, renders lists, and drops empty values", () => {
  const items = ["a<b", "c"].map((item) => html`<li>${item}</li>`);
  // Prettier would reflow the template literal, and with it the markup under test.
  // prettier-ignore
  const out = html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value;
  expect(out).toBe("<ul><li>a&lt;b</li><li>c</li></ul>0");
});

it("does not treat a look-alike object as markup", () => {
  const forged = { value: "<b>x</b>" } as unknown as string;
  expect(html`${forged}`.value).toBe("[object Object]");
  expect(html`${trustedMarkup("<b>x</b>")}`.value).toBe("<b>x</b>");
});
