// TEMPORARY: replaced by the CLI (issue 2, CLI part).
export async function main(_argv: string[]): Promise<number> {
  return 2;
}
