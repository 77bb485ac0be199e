import { normalizeStatementText } from "./schema";

/** The rules that relate one row of a deck to another (duplicates, canonical answers that name no
 *  column), as structured findings. `parseDeck` enforces the same rules with messages in terms
 *  of statement numbers; the file importers and the editor use these to say the same thing in
 *  their own terms ("line 9", "statement 3"). The input may be only partly valid. */
export type CrossRowIssue =
  | { kind: "duplicate-column-id"; index: number; firstIndex: number; value: string }
  | { kind: "duplicate-column-label"; index: number; firstIndex: number; value: string }
  | { kind: "duplicate-statement-id"; index: number; firstIndex: number; value: string }
  | { kind: "duplicate-statement-text"; index: number; firstIndex: number; value: string }
  | { kind: "canonical-not-a-column"; index: number; value: string; columnIds: string[] };

/** The deck path each issue belongs to, as parseDeck names it ("statements.3.text"). */
export function crossRowPath(issue: CrossRowIssue): string {
  switch (issue.kind) {
    case "duplicate-column-id":
      return `columns.${issue.index}.id`;
    case "duplicate-column-label":
      return `columns.${issue.index}.label`;
    case "duplicate-statement-id":
      return `statements.${issue.index}.id`;
    case "duplicate-statement-text":
      return `statements.${issue.index}.text`;
    case "canonical-not-a-column":
      return `statements.${issue.index}.canonical`;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export function crossRowIssues(deck: unknown): CrossRowIssue[] {
  if (!isRecord(deck)) return [];
  const columns = Array.isArray(deck.columns) ? deck.columns : [];
  const statements = Array.isArray(deck.statements) ? deck.statements : [];
  const issues: CrossRowIssue[] = [];

  const columnIds = new Map<string, number>();
  const labels = new Map<string, number>();
  columns.forEach((column, index) => {
    if (!isRecord(column)) return;
    if (typeof column.id === "string" && column.id !== "") {
      const firstIndex = columnIds.get(column.id);
      if (firstIndex === undefined) columnIds.set(column.id, index);
      else issues.push({ kind: "duplicate-column-id", index, firstIndex, value: column.id });
    }
    if (typeof column.label === "string" && column.label.trim() !== "") {
      const key = column.label.trim().toLowerCase();
      const firstIndex = labels.get(key);
      if (firstIndex === undefined) labels.set(key, index);
      else issues.push({ kind: "duplicate-column-label", index, firstIndex, value: column.label.trim() });
    }
  });

  const ids = [...columnIds.keys()];
  const statementIds = new Map<string, number>();
  const texts = new Map<string, number>();
  statements.forEach((statement, index) => {
    if (!isRecord(statement)) return;
    if (typeof statement.id === "string" && statement.id !== "") {
      const firstIndex = statementIds.get(statement.id);
      if (firstIndex === undefined) statementIds.set(statement.id, index);
      else issues.push({ kind: "duplicate-statement-id", index, firstIndex, value: statement.id });
    }
    if (typeof statement.text === "string" && statement.text.trim() !== "") {
      const key = normalizeStatementText(statement.text);
      const firstIndex = texts.get(key);
      if (firstIndex === undefined) texts.set(key, index);
      else issues.push({ kind: "duplicate-statement-text", index, firstIndex, value: statement.text.trim() });
    }
    if (Array.isArray(deck.columns) && typeof statement.canonical === "string" && statement.canonical !== "" && !columnIds.has(statement.canonical)) {
      issues.push({ kind: "canonical-not-a-column", index, value: statement.canonical, columnIds: ids });
    }
  });
  return issues;
}
