// A "use client" module is bundled for the browser: it must not import code that only the
// server may run (secrets, Prisma, provider clients). Type-only imports are erased, but they
// still tie a client file to server internals, so they are refused too: shared types live in
// lib/shared.
import { dirname, relative, resolve } from "node:path";

const SERVER_ONLY_ROOTS = ["lib/server", "lib/db", "lib/config"];

function targetPath(specifier, filename, root) {
  if (specifier === "server-only") return "server-only";
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return relative(root, resolve(dirname(filename), specifier));
  return null;
}

function isClientModule(program) {
  return program.body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
}

/** @type {import("eslint").Rule.RuleModule} */
export const noServerImportInClient = {
  meta: {
    type: "problem",
    docs: { description: "keep server-only modules out of client components" },
    messages: {
      serverImport:
        '"{{specifier}}" is server-only and this is a "use client" module: move what both sides need to lib/shared.',
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    let client = false;
    function check(node, source) {
      if (!client || typeof source?.value !== "string") return;
      const target = targetPath(source.value, context.filename, root);
      if (!target) return;
      const serverOnly =
        target === "server-only" || SERVER_ONLY_ROOTS.some((dir) => target === dir || target.startsWith(`${dir}/`));
      if (serverOnly) context.report({ node, messageId: "serverImport", data: { specifier: source.value } });
    }
    return {
      Program(program) {
        client = isClientModule(program);
      },
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
