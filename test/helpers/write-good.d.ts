// write-good ships no types. Only what the differential tests call is declared.
declare module 'write-good' {
  interface Suggestion {
    index: number;
    offset: number;
    reason: string;
  }
  interface Options {
    weasel?: boolean;
    illusion?: boolean;
    so?: boolean;
    thereIs?: boolean;
    passive?: boolean;
    adverb?: boolean;
    tooWordy?: boolean;
    cliches?: boolean;
    eprime?: boolean;
    whitelist?: string[];
  }
  function writeGood(text: string, opts?: Options): Suggestion[];
  export default writeGood;
}
