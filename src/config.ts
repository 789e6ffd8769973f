// The only reader of process.env. Validates once and returns a frozen object.
import { readFileSync } from 'node:fs';
import { DEFAULT_HOLIDAYS_PATH } from './calendar/announcement-days.ts';
import { isCategory } from './text/categories.ts';

export interface Config {
  dbPath: string;
  authorsPath: string;
  /** arXiv's holiday evenings (config/holidays.json). */
  holidaysPath: string;
  port: number;
  host: string;
  rssBase: string;
  apiUrl: string;
  oaiUrl: string;
  minIntervalMs: number;
  categories: readonly string[];
  contact: string;
  userAgent: string;
  logLevel: LogLevel;
  smtpUrl: string | undefined;
  digestTo: string | undefined;
  digestFrom: string | undefined;
  digestOnlyStarred: boolean;
  /** The site's public URL (links in feeds and pages); undefined: the request's own origin. */
  publicUrl: string | undefined;
  /** CURATOR_NOW, tests only: the clock starts at this instant and runs on from there. */
  fixedNow: Date | undefined;
  /** CURATOR_TOKEN: what a client must present to write when HOST is not a loopback address. */
  token: string | undefined;
  /** CURATOR_FEEDS: the blogs and other feeds to follow besides arXiv. */
  feedsPath: string;
  /** CURATOR_READING_LIST: the "Start here" page's reading list. */
  readingListPath: string;
  /** ARXIV_AUTHOR_URL: where arXiv's author pages live (`<base><id>.atom` is an author's feed). */
  authorFeedBase: string;
  /** HF_PAPERS_URL: Hugging Face's Daily Papers API (`?date=YYYY-MM-DD`). */
  popularityUrl: string;
  /** CURATOR_POPULARITY: fetch the popularity counts (and show /top); off: neither. */
  popularity: boolean;
  /** CURATOR_AUTHOR_UPLOADS: ask arXiv for the starred authors' uploads outside our categories. */
  authorUploads: boolean;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** A setting that cannot be used; the message names the variable and the value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULT_CONTACT = 'https://github.com/arxiv-curator/arxiv-curator';
/** The categories curated when CURATOR_CATEGORIES is unset. */
export const DEFAULT_CATEGORIES: readonly string[] = ['cs.LG', 'cs.NE', 'stat.ML'];

export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const contact = get('CURATOR_CONTACT') ?? DEFAULT_CONTACT;
  const categories = (get('CURATOR_CATEGORIES') ?? DEFAULT_CATEGORIES.join(','))
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  for (const category of categories) {
    if (!isCategory(category))
      throw new ConfigError(`CURATOR_CATEGORIES: "${category}" is not an arXiv category such as cs.LG`);
  }
  if (categories.length === 0) throw new ConfigError('CURATOR_CATEGORIES: no category given');
  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError(`LOG_LEVEL: "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}`);
  const smtpUrl = get('SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\//.test(smtpUrl))
    throw new ConfigError('SMTP_URL: must start with smtp:// or smtps://');
  const dbPath = get('CURATOR_DB') ?? 'data/curator.db';
  // SQLite would read `file:…` as a URI (bin/arxiv-curator.js turns them on for read-only folders).
  if (dbPath.startsWith('file:')) throw new ConfigError(`CURATOR_DB: "${dbPath}" is a URI; give a file path`);
  return Object.freeze({
    dbPath,
    authorsPath: get('CURATOR_AUTHORS') ?? 'config/authors.json',
    holidaysPath: get('CURATOR_HOLIDAYS') ?? DEFAULT_HOLIDAYS_PATH,
    port: readInteger(get('PORT'), 'PORT', 3000, 0, 65535),
    host: get('HOST') ?? '127.0.0.1',
    rssBase: readUrl(get('ARXIV_RSS_BASE') ?? 'https://rss.arxiv.org/rss/', 'ARXIV_RSS_BASE'),
    apiUrl: readUrl(get('ARXIV_API_URL') ?? 'https://export.arxiv.org/api/query', 'ARXIV_API_URL'),
    oaiUrl: readUrl(get('ARXIV_OAI_URL') ?? 'https://oaipmh.arxiv.org/oai', 'ARXIV_OAI_URL'),
    minIntervalMs: readInteger(get('ARXIV_MIN_INTERVAL_MS'), 'ARXIV_MIN_INTERVAL_MS', 3000, 0, 3_600_000),
    categories: Object.freeze(categories),
    contact,
    userAgent: `arxiv-curator/${readVersion()} (+${contact})`,
    logLevel,
    smtpUrl,
    digestTo: get('DIGEST_TO'),
    digestFrom: get('DIGEST_FROM'),
    digestOnlyStarred: get('DIGEST_ONLY_STARRED') === '1',
    publicUrl:
      get('PUBLIC_URL') === undefined ? undefined : readUrl(get('PUBLIC_URL')!, 'PUBLIC_URL').replace(/\/+$/, ''),
    fixedNow: readInstant(get('CURATOR_NOW'), 'CURATOR_NOW'),
    token: readToken(get('CURATOR_TOKEN')),
    feedsPath: get('CURATOR_FEEDS') ?? 'config/feeds.json',
    readingListPath: get('CURATOR_READING_LIST') ?? 'config/reading-list.json',
    authorFeedBase: withSlash(readUrl(get('ARXIV_AUTHOR_URL') ?? 'https://arxiv.org/a/', 'ARXIV_AUTHOR_URL')),
    popularityUrl: readUrl(get('HF_PAPERS_URL') ?? 'https://huggingface.co/api/daily_papers', 'HF_PAPERS_URL'),
    popularity: readSwitch(get('CURATOR_POPULARITY'), 'CURATOR_POPULARITY', true),
    authorUploads: readSwitch(get('CURATOR_AUTHOR_UPLOADS'), 'CURATOR_AUTHOR_UPLOADS', true),
  });
}

/**
 * The site's address for links that leave the site (mails): PUBLIC_URL, else the listening
 * address, `http://HOST:PORT`.
 */
export function siteUrl(config: Readonly<Config>): string {
  if (config.publicUrl !== undefined) return config.publicUrl;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

/** 16 characters at least: the token stands between a network and every write. */
function readToken(raw: string | undefined): string | undefined {
  if (raw !== undefined && raw.length < 16) throw new ConfigError('CURATOR_TOKEN: use at least 16 characters');
  return raw;
}

/** True for the addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function readSwitch(raw: string | undefined, name: string, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  const value = raw.toLowerCase();
  if (value === 'on' || value === '1' || value === 'true') return true;
  if (value === 'off' || value === '0' || value === 'false') return false;
  throw new ConfigError(`${name}: "${raw}" is not on or off`);
}

function readInteger(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name}: "${raw}" is not a whole number`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name}: ${value} is outside ${min}..${max}`);
  return value;
}

function readInstant(raw: string | undefined, name: string): Date | undefined {
  if (raw === undefined) return undefined;
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw) ? Date.parse(raw) : NaN;
  if (Number.isNaN(at))
    throw new ConfigError(`${name}: "${raw}" is not an ISO 8601 instant such as 2026-04-28T05:00:00Z`);
  return new Date(at);
}

function readUrl(raw: string, name: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name}: "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${name}: "${raw}" is not an http(s) URL`);
  return raw;
}
