import type { TextReportContext } from '../../lib/report/format-text';

/** The text report's context when no gate or scan is involved: its last line names no warnings. */
export const PLAIN_TEXT_REPORT: TextReportContext = { exitReason: 'exit 0', warnings: 0, unresolved: [] };
