// The starter brand.yaml (samples/brand-starter.yaml) with the brand's name filled in, shared by
// `brandlint init` and the editor's "Create brand.yaml".

/**
 * `term`: also write the brand's own name as a term with "®". Only for a name someone typed: a
 * guessed one (a folder's name, the default) would flag every other spelling of a folder name as a
 * wrong trademark, and whether a name is registered is the brand team's call. Otherwise that entry
 * stays in the file as a commented example.
 */
export function fillStarter(template: string, brand: string, opts: { term: boolean }): string {
  // A name with YAML-special characters is quoted where it stands alone as a value.
  const yamlValue = /^[\p{L}\p{N}][\p{L}\p{N} ._&'-]*$/u.test(brand) && !/:\s|\s#/.test(brand) ? brand : JSON.stringify(brand);
  const text = opts.term ? template : commentOutBrandTerm(template);
  return text
    .replace(/^# __BRAND__/m, () => `# ${brand}`)
    .replace(/^(brand|  - use|  # - use): __BRAND__$/gm, (_m, k: string) => `${k}: ${yamlValue}`)
    .replace(/__BRAND__/g, brand.replace(/\\/g, '\\\\').replace(/"/g, '\\"'));
}

/** The `- use: __BRAND__` entry of terms:, up to the next entry, as a YAML comment. */
function commentOutBrandTerm(template: string): string {
  const lines = template.split('\n');
  const start = lines.indexOf('  - use: __BRAND__');
  if (start < 0) return template;
  let end = start + 1;
  while (end < lines.length && /^ {3,}\S/.test(lines[end]!)) end++;
  const block = lines.slice(start, end).map((l) => `  # ${l.slice(2)}`);
  const note = '  # Your product\'s name with its mark (keep "®" only if the name is registered):';
  return [...lines.slice(0, start), note, ...block, ...lines.slice(end)].join('\n');
}
