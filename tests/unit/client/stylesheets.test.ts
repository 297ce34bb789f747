import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const client = join(import.meta.dirname, '..', '..', '..', 'client');
const tokensFile = join(client, 'styles', 'tokens.css');

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return stylesheets(path);
    return e.name.endsWith('.css') ? [path] : [];
  });
}

const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
/** The values of every declaration, with the file each comes from. */
function declarations(file: string): { file: string; property: string; value: string }[] {
  const css = withoutComments(readFileSync(file, 'utf8'));
  return [...css.matchAll(/([-\w]+)\s*:\s*([^;{}]+);/g)].map((m) => ({
    file: relative(client, file),
    property: m[1]!,
    value: m[2]!.trim(),
  }));
}

const colourLiteral =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|\b(?:white|black|red|green|blue|gray|grey|yellow|orange)\b/i;

describe('stylesheets', () => {
  const files = stylesheets(client);
  const all = files.flatMap(declarations);

  it('finds the stylesheets', () => {
    expect(files).toContain(tokensFile);
    expect(files.length).toBeGreaterThan(5);
  });

  it('name no colour outside the tokens file', () => {
    const literals = all.filter((d) => d.file !== relative(client, tokensFile) && colourLiteral.test(d.value));
    expect(literals).toEqual([]);
  });

  it('use only custom properties the tokens file defines', () => {
    const defined = new Set(declarations(tokensFile).map((d) => d.property));
    const used = all.flatMap((d) => [...d.value.matchAll(/var\((--[-\w]+)/g)].map((m) => `${d.file}: ${m[1]}`));
    expect(used.filter((u) => !defined.has(u.slice(u.indexOf(': ') + 2)))).toEqual([]);
  });

  it('define custom properties only in the tokens file, and use every one', () => {
    const elsewhere = all.filter((d) => d.property.startsWith('--') && d.file !== relative(client, tokensFile));
    expect(elsewhere).toEqual([]);
    const uses = all.map((d) => d.value).join('\n');
    const unused = declarations(tokensFile)
      .map((d) => d.property)
      .filter((p) => p.startsWith('--') && !uses.includes(`var(${p})`));
    expect(unused).toEqual([]);
  });
});
