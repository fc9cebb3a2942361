// The journeys find buttons and headings by their translated text, in the language under test,
// straight from locales/ — so a test in Arabic reads what an Arabic-speaking resident reads.
import fs from "node:fs";
import path from "node:path";

type Tree = { [key: string]: string | Tree };
const cache = new Map<string, Tree>();

function namespace(language: string, ns: string): Tree {
  const file = path.resolve("locales", language, `${ns}.json`);
  let tree = cache.get(file);
  if (!tree) {
    tree = JSON.parse(fs.readFileSync(file, "utf8")) as Tree;
    cache.set(file, tree);
  }
  return tree;
}

/** `tr("ar", "manage:cancel.confirm", { title })`: the text, with {{values}} filled in. */
export function tr(language: string, key: string, values: Record<string, string | number> = {}): string {
  const [ns, dotted] = key.split(":");
  let node: string | Tree | undefined = namespace(language, ns);
  for (const part of dotted.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`no translation ${language}/${key}`);
  return node.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name] ?? ""));
}
