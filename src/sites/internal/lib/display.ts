import { formatDate, type CalendarDate } from '../../../engine/dates.ts';
import type { Content } from '../../../engine/model.ts';

/** Names and addresses as the internal site shows them. */

export const href = {
  feature: (id: string) => `/features/${id}/`,
  person: (id: string) => `/people/${id}/`,
  article: (id: string) => `/docs/${id}/`,
  /** The handbook page that declares the stage, when there is one. */
  stage: (content: Content, stageId: string) => {
    const page = content.handbook.find((entry) => entry.data.stage === stageId);
    return page ? handbookRoute(page.id) : undefined;
  },
  teamEntry: (content: Content, personId: string) => (content.handbook.some((entry) => entry.id === 'team') ? `/team/#${personId}` : undefined),
};

export function handbookRoute(id: string): string {
  return id === 'index' ? '/' : `/${id.replace(/\/index$/, '')}/`;
}

export function personName(content: Content, id: string): string {
  return content.people.get(id)?.name ?? id;
}

export function teamName(content: Content, id: string | undefined): string | undefined {
  if (!id) return undefined;
  return content.team.teams.find((team) => team.id === id)?.name ?? id;
}

export function roleName(content: Content, id: string): string {
  return content.process.roles.find((role) => role.id === id)?.name ?? id;
}

export function stageName(content: Content, id: string): string {
  return content.stageById.get(id)?.name ?? id;
}

export function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

export function dateLabel(date: CalendarDate): string {
  return formatDate(date);
}

/** A bug's label: its title, else `owner/repo#123` for GitHub issues and pull requests, else the address. */
export function bugLabel(bug: { url: string; title?: string | undefined }): string {
  if (bug.title) return bug.title;
  const github = /^https?:\/\/(?:www\.)?github\.com\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d+)\/?$/.exec(bug.url);
  return github ? `${github[1]}#${github[2]}` : bug.url.replace(/^https?:\/\/(www\.)?/, '');
}
