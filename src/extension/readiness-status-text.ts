// The readiness status bar item's text and tooltip from a report: pure, so it is tested without VS Code.
import { formatPoints, joinTitles } from '../engine/readiness/report-text.js';
import type { ReadinessResult } from '../protocol.js';
import type { StatusView } from './status-text.js';

/**
 * The score from the repository alone comes first: attestations are people's word, so the item never shows more
 * than the evidence without saying so ("Readiness 0.5 (1.5 attested)").
 */
export function readinessStatusView(result: ReadinessResult | undefined, error?: string): StatusView {
  const click = 'Click to open the readiness checklist.';
  if (error !== undefined) return { text: '$(rocket) Readiness', tooltip: `The readiness report could not be made: ${error} ${click}`, alert: false };
  if (!result) return { text: '$(rocket) Readiness', tooltip: `How ready this repository is for deployment (ML Test Score). ${click}`, alert: false };
  const { report } = result;
  const evidence = formatPoints(report.evidence.value);
  const attested = formatPoints(report.attested.value);
  const text = evidence === attested ? `$(rocket) Readiness ${evidence}` : `$(rocket) Readiness ${evidence} (${attested} attested)`;
  const capped = report.attested.cappedBy.length > 0 ? ` Held down by ${joinTitles(report, report.attested.cappedBy)}: the score is the lowest of the four sections (each out of 7).` : '';
  const tooltip = `ML Test Score of ${report.project}: ${evidence} from the repository alone, ${attested} with the team's attestations.${capped} ${report.attested.band} ${click}`;
  return { text, tooltip, alert: false };
}
