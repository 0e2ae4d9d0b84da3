// `brandlint mcp` through the MCP SDK's own client over stdio, as an AI assistant runs it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { BIN } from '../helpers/run-cli.js';

const GUIDE = `brand: Acme
terms:
  - use: Acme Cloud
    not: [AcmeCloud, Acme cloud]
    trademark: ®
banned:
  - phrase: utilize
    use: use
    because: Plain words read faster.
  - phrase: leverage
    use: [use, build on]
  - phrase: synergy
claims:
  - phrase: fastest
    needs: citation
channels:
  social:
    files: ["social/**"]
    x: { max: 40 }
`;

let root: string;
let outside: string;
let client: Client;

type ToolResult = { content: Array<{ type: string; text: string }>; structuredContent?: Record<string, any>; isError?: boolean };
const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

beforeAll(async () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'brandlint-mcp-'));
  root = path.join(base, 'site');
  outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(root, 'blog'), { recursive: true });
  fs.mkdirSync(outside);
  fs.mkdirSync(path.join(root, '.git'));
  fs.writeFileSync(path.join(root, 'brand.yaml'), GUIDE);
  fs.writeFileSync(path.join(outside, 'brand.yaml'), 'brand: Secret\nbanned:\n  - phrase: hello\n    because: OUTSIDE-SECRET\n');
  fs.symlinkSync(outside, path.join(root, 'linked'));
  client = new Client({ name: 'test-assistant', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', '--root', root], cwd: os.tmpdir(), stderr: 'pipe' }));
});

afterAll(async () => {
  await client?.close();
});

describe('brandlint mcp', () => {
  it('lists its four tools with input schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['check_copy', 'explain', 'fix_copy', 'list_guide']);
    const check = tools.find((t) => t.name === 'check_copy')!;
    expect(check.inputSchema.required).toEqual(['text']);
    expect(Object.keys(check.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['text', 'path', 'format', 'channel', 'platform']));
  });

  it('checks copy: rule, message, reason, range and suggestions', async () => {
    const r = await call('check_copy', { text: '# Launch\n\nWe utilize AcmeCloud to ship.\n', path: 'blog/launch.md' });
    expect(r.isError).toBeFalsy();
    const findings = r.structuredContent!.findings as any[];
    const banned = findings.find((f) => f.rule === 'banned');
    expect(banned).toMatchObject({
      text: 'utilize',
      reason: 'Plain words read faster.',
      suggestions: ['use'],
      range: { start: { line: 3, column: 4 }, end: { line: 3, column: 11 } },
    });
    expect(findings.find((f) => f.rule === 'term')).toMatchObject({ text: 'AcmeCloud', suggestions: ['Acme Cloud'] });
    expect(r.structuredContent!.guide).toBe('brand.yaml');
  });

  it('checks a social draft against the platform limit', async () => {
    const r = await call('check_copy', { text: 'This post is far longer than forty characters, on purpose.', platform: 'x', path: 'social/launch.txt' });
    expect((r.structuredContent!.findings as any[]).map((f) => f.rule)).toContain('length');
    const quiet = await call('check_copy', { text: 'Short post.', platform: 'x', path: 'social/launch.txt' });
    expect((quiet.structuredContent!.findings as any[]).map((f) => f.rule)).not.toContain('length');
  });

  it('fixes copy and says what it left and why', async () => {
    const r = await call('fix_copy', { text: 'We utilize AcmeCloud. We leverage synergy.\n', path: 'blog/a.md' });
    expect(r.structuredContent!.text).toBe('We use Acme Cloud®. We leverage synergy.\n');
    const left = r.structuredContent!.notFixed as any[];
    expect(left.find((f) => f.text === 'leverage').why).toMatch(/several replacements fit \("use", "build on"\)/);
    expect(left.find((f) => f.text === 'synergy').why).toMatch(/no replacement/);
  });

  it('explains an entry and a rule as brandlint explain does', async () => {
    const r = await call('explain', { query: 'utilized' });
    expect(r.content[0]!.text).toMatch(/banned "utilize".*brand\.yaml:7:5[\s\S]*Why: Plain words read faster\./);
    const none = await call('explain', { query: 'utilise-nothing' });
    expect(none.structuredContent!.found).toBe(false);
  });

  it("lists the guide's terms, banned phrases and claims", async () => {
    const r = await call('list_guide', {});
    expect(r.structuredContent!.terms).toEqual([{ use: 'Acme Cloud', not: ['AcmeCloud', 'Acme cloud'], trademark: '®' }]);
    expect((r.structuredContent!.banned as any[])[0]).toEqual({ phrases: ['utilize'], use: ['use'], because: 'Plain words read faster.' });
    expect((r.structuredContent!.claims as any[])[0]).toMatchObject({ phrases: ['fastest'], needs: 'citation' });
  });

  it('reads nothing outside the workspace root', async () => {
    for (const p of ['../outside/copy.md', path.join(outside, 'copy.md'), 'linked/copy.md']) {
      const r = await call('check_copy', { text: 'hello', path: p });
      expect(r.isError, p).toBe(true);
      expect(r.content[0]!.text).toMatch(/outside the workspace/);
      expect(JSON.stringify(r)).not.toContain('OUTSIDE-SECRET');
    }
    const l = await call('list_guide', { path: '../outside' });
    expect(l.isError).toBe(true);
  });

  it('reports a broken guide with its position instead of checking', async () => {
    fs.mkdirSync(path.join(root, 'broken'), { recursive: true });
    fs.writeFileSync(path.join(root, 'broken', 'brand.yaml'), 'terms:\n  - usee: Acme\n');
    const r = await call('check_copy', { text: 'Hi.', path: 'broken/a.md' });
    expect(r.isError).toBe(true);
    expect(r.content[0]!.text).toMatch(/broken\/brand\.yaml:2:5 error/);
  });

  it('picks up an edited guide without a restart', async () => {
    fs.mkdirSync(path.join(root, 'live'), { recursive: true });
    const g = path.join(root, 'live', 'brand.yaml');
    fs.writeFileSync(g, 'banned:\n  - phrase: alpha\n');
    expect(((await call('check_copy', { text: 'beta', path: 'live/a.md' })).structuredContent!.findings as any[]).length).toBe(0);
    fs.writeFileSync(g, 'banned:\n  - phrase: beta\n    use: gamma\n');
    const future = new Date(Date.now() + 5000);
    fs.utimesSync(g, future, future);
    expect(((await call('check_copy', { text: 'beta', path: 'live/a.md' })).structuredContent!.findings as any[])[0].suggestions).toEqual(['gamma']);
  });
});
