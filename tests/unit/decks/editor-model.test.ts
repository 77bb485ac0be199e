import { describe, expect, it } from "vitest";
import { getBuiltinDeck } from "@/lib/decks/builtin";
import {
  afterSave,
  deckFromDraft,
  draftErrors,
  draftFromDeck,
  emptyDraft,
  errorsOnDraft,
  hasUnsavedChanges,
  moveColumn,
  moveStatement,
  savedContent,
  validateDraft,
  type DeckDraft,
} from "@/lib/decks/editor-model";
import { deckIssue } from "@/lib/decks/issues";
import { MAX_STATEMENTS, parseDeck } from "@/lib/decks/schema";

const keys = () => {
  let n = 0;
  return () => `k${n++}`;
};

function threeColumnDraft(): DeckDraft {
  const draft = emptyDraft(keys());
  draft.title = "Leader, manager or both";
  draft.columns = [
    { key: "a", id: null, label: "Leader" },
    { key: "b", id: null, label: "Manager" },
    { key: "c", id: null, label: "Both" },
  ];
  draft.statements = [
    { key: "s1", id: null, text: "Sets the direction", canonical: "a", explanation: "" },
    { key: "s2", id: null, text: "Keeps the budget", canonical: "b", explanation: "Budgets are planned." },
    { key: "s3", id: null, text: "Owns the outcome", canonical: "c", explanation: "" },
  ];
  return draft;
}

describe("the editor's draft", () => {
  it("round-trips a built-in deck unchanged (but for its slug, which is not the author's)", () => {
    const { slug: _slug, ...deck } = getBuiltinDeck("leader-or-manager")!;
    expect(deckFromDraft(draftFromDeck({ ...deck }, keys()))).toStrictEqual({ ...deck, columns: [...deck.columns], statements: [...deck.statements] });
  });

  it("derives ids of new rows as slugs and maps canonical column keys to ids", () => {
    const { deck, errors } = validateDraft(threeColumnDraft());
    expect(errors).toEqual([]);
    expect(deck.columns.map((c) => c.id)).toEqual(["leader", "manager", "both"]);
    expect(deck.statements.map((s) => [s.id, s.canonical])).toEqual([
      ["sets-the-direction", "leader"],
      ["keeps-the-budget", "manager"],
      ["owns-the-outcome", "both"],
    ]);
    expect(parseDeck(deck).ok).toBe(true);
  });

  it("keeps saved ids when labels and texts change", () => {
    const draft = threeColumnDraft();
    const { draft: saved } = afterSave(draft, draft, 2);
    saved.columns[0]!.label = "Boss";
    saved.statements[0]!.text = "Chooses the direction";
    const deck = deckFromDraft(saved);
    expect(deck.version).toBe(2);
    expect(deck.columns[0]!.id).toBe("leader");
    expect(deck.statements[0]!.id).toBe("sets-the-direction");
  });

  it("reports each problem on its field, in the editor's words", () => {
    const draft = threeColumnDraft();
    draft.title = " ";
    draft.columns[2]!.label = "leader";
    draft.statements[1]!.text = "";
    draft.statements[2]!.text = "SETS the  direction";
    draft.statements[0]!.canonical = "";
    draft.statements.push({ key: "s4", id: null, text: "Orphan", canonical: "removed-column-key", explanation: "" });
    expect(validateDraft(draft).errors).toEqual([
      { field: "title", code: "title_empty", params: {}, message: "Title must not be empty." },
      { field: "column:c:label", code: "editor_column_label_duplicate", params: { first: 1 }, message: "Column 1 already has this label: labels must be different." },
      {
        field: "statement:s1:canonical",
        code: "editor_canonical_missing",
        params: { columns: "Leader, Manager, leader" },
        message: "Choose the column this statement belongs in: Leader, Manager, leader.",
      },
      { field: "statement:s2:text", code: "statement_text_empty", params: {}, message: "Statement text must not be empty." },
      { field: "statement:s3:text", code: "editor_statement_text_duplicate", params: { first: 1 }, message: "Same text as statement 1: each statement must be different." },
      {
        field: "statement:s4:canonical",
        code: "editor_canonical_removed",
        params: { columns: "Leader, Manager, leader" },
        message: "Its column was removed from the deck: choose one of Leader, Manager, leader.",
      },
    ]);
  });

  it("names unlabelled columns as the caller says (the editor's language)", () => {
    const draft = threeColumnDraft();
    draft.columns[1]!.label = "";
    draft.statements[0]!.canonical = "";
    const errors = validateDraft(draft, { unnamedColumn: (i) => `Colonna ${i + 1}` }).errors;
    expect(errors.find((e) => e.field === "statement:s1:canonical")?.params).toEqual({ columns: "Leader, Colonna 2, Both" });
  });

  it(`says when there are more than ${MAX_STATEMENTS} statements`, () => {
    const draft = threeColumnDraft();
    draft.statements = Array.from({ length: MAX_STATEMENTS + 1 }, (_, i) => ({ key: `s${i}`, id: null, text: `S ${i}`, canonical: "a", explanation: "" }));
    expect(validateDraft(draft).errors).toEqual([
      {
        field: "statements",
        code: "statements_too_many",
        params: { max: MAX_STATEMENTS, count: MAX_STATEMENTS + 1 },
        message: `A deck can have at most ${MAX_STATEMENTS} statements (it has ${MAX_STATEMENTS + 1}).`,
      },
    ]);
  });

  it("maps errors the server returns by index onto the same fields", () => {
    const draft = threeColumnDraft();
    const tooLong = deckIssue("statement_explanation_too_long", { max: 1000, length: 1001 });
    expect(draftErrors(draft, [{ path: "statements.2.explanation", ...tooLong }, { path: "version", ...deckIssue("version_not_positive") }])).toEqual([
      { field: "statement:s3:explanation", ...tooLong, message: "Statement explanation must be at most 1000 characters (it has 1001)." },
    ]);
  });
});

describe("moving columns", () => {
  /** [column label, canonical column label] of every statement, as the saved deck says. */
  const answers = (draft: DeckDraft) => {
    const deck = deckFromDraft(draft);
    const label = new Map(deck.columns.map((c) => [c.id, c.label]));
    return deck.statements.map((s) => [s.text, label.get(s.canonical)]);
  };
  const before = answers(threeColumnDraft());

  const cases: [string, string, -1 | 1, string[] | null][] = [
    ["the first column right", "a", 1, ["Manager", "Leader", "Both"]],
    ["the middle column left", "b", -1, ["Manager", "Leader", "Both"]],
    ["the middle column right", "b", 1, ["Leader", "Both", "Manager"]],
    ["the last column left", "c", -1, ["Leader", "Both", "Manager"]],
    ["the first column left (already first)", "a", -1, null],
    ["the last column right (already last)", "c", 1, null],
    ["a column that is not there", "zz", 1, null],
  ];

  it.each(cases)("moves %s, and every statement keeps its canonical column", (_name, key, delta, order) => {
    const draft = threeColumnDraft();
    const result = moveColumn(draft, key, delta);
    if (order === null) {
      expect(result).toBeNull();
      return;
    }
    expect(result).not.toBeNull();
    expect(result!.columns.map((c) => c.label)).toEqual(order);
    expect(answers(result!)).toEqual(before);
    expect(result!.statements).toEqual(draft.statements); // statements untouched, same keys
    expect(draft.columns.map((c) => c.label)).toEqual(["Leader", "Manager", "Both"]); // the old draft is not changed
    expect(validateDraft(result!).errors).toEqual([]);
  });

  it("keeps saved ids with their columns, so a saved deck's answers do not change", () => {
    const first = threeColumnDraft();
    const { draft: saved } = afterSave(first, first, 2);
    const moved = moveColumn(moveColumn(saved, "c", -1)!, "c", -1)!; // Both → first
    const deck = deckFromDraft(moved);
    expect(deck.columns).toEqual([
      { id: "both", label: "Both" },
      { id: "leader", label: "Leader" },
      { id: "manager", label: "Manager" },
    ]);
    expect(deck.statements.map((s) => s.canonical)).toEqual(["leader", "manager", "both"]);
    // And after saving the moved draft, its ids still line up with the columns.
    const { draft: again } = afterSave(moved, moved, 3);
    expect(again.columns.map((c) => [c.key, c.id])).toEqual([
      ["c", "both"],
      ["a", "leader"],
      ["b", "manager"],
    ]);
  });

  it("moves statements the same way, within bounds", () => {
    const draft = threeColumnDraft();
    expect(moveStatement(draft, "s1", 1)!.statements.map((s) => s.key)).toEqual(["s2", "s1", "s3"]);
    expect(moveStatement(draft, "s3", -1)!.statements.map((s) => s.key)).toEqual(["s1", "s3", "s2"]);
    expect(moveStatement(draft, "s1", -1)).toBeNull();
    expect(moveStatement(draft, "s3", 1)).toBeNull();
  });
});

describe("a save that resolves after the facilitator kept editing", () => {
  /** The draft without ids and version: what the facilitator typed and arranged. */
  const typed = (draft: DeckDraft) => ({
    ...draft,
    version: 0,
    columns: draft.columns.map((c) => ({ ...c, id: null })),
    statements: draft.statements.map((s) => ({ ...s, id: null })),
  });
  const edit = (draft: DeckDraft, change: (d: DeckDraft) => void): DeckDraft => {
    const copy = structuredClone(draft);
    change(copy);
    return copy;
  };
  const savedIds = { a: "leader", b: "manager", c: "both", s1: "sets-the-direction", s2: "keeps-the-budget", s3: "owns-the-outcome" };

  // [what happened while the save was in flight, the draft then, unsaved?, [key, id] of the rows then]
  const cases: [string, (sent: DeckDraft) => DeckDraft, boolean, [string, string | null][]][] = [
    ["nothing", (d) => d, false, Object.entries(savedIds)],
    ["a statement retyped (it keeps the id it was saved with)", (d) => edit(d, (x) => void (x.statements[1]!.text = "Keeps to the budget")), true, Object.entries(savedIds)],
    ["a column renamed", (d) => edit(d, (x) => void (x.columns[0]!.label = "Boss")), true, Object.entries(savedIds)],
    ["an explanation written", (d) => edit(d, (x) => void (x.statements[2]!.explanation = "Both are accountable.")), true, Object.entries(savedIds)],
    ["a statement retyped and typed back", (d) => edit(d, (x) => void (x.statements[0]!.text = "Sets the direction")), false, Object.entries(savedIds)],
    [
      "statements reordered (ids follow their rows by key)",
      (d) => moveStatement(moveStatement(d, "s3", -1)!, "s3", -1)!,
      true,
      [["a", "leader"], ["b", "manager"], ["c", "both"], ["s3", "owns-the-outcome"], ["s1", "sets-the-direction"], ["s2", "keeps-the-budget"]],
    ],
    [
      "a column moved (ids follow their columns by key)",
      (d) => moveColumn(d, "c", -1)!,
      true,
      [["a", "leader"], ["c", "both"], ["b", "manager"], ["s1", "sets-the-direction"], ["s2", "keeps-the-budget"], ["s3", "owns-the-outcome"]],
    ],
    [
      "a statement removed",
      (d) => edit(d, (x) => void x.statements.splice(0, 1)),
      true,
      [["a", "leader"], ["b", "manager"], ["c", "both"], ["s2", "keeps-the-budget"], ["s3", "owns-the-outcome"]],
    ],
    [
      "a statement added (not saved yet: no id)",
      (d) => edit(d, (x) => void x.statements.push({ key: "s4", id: null, text: "Sets the direction, again", canonical: "a", explanation: "" })),
      true,
      [...Object.entries(savedIds), ["s4", null]],
    ],
  ];

  it.each(cases)("%s: the edits stay, the version and ids are the saved ones", (_name, change, unsaved, ids) => {
    const sent = threeColumnDraft();
    const current = change(structuredClone(sent));
    const { draft, baseline } = afterSave(current, sent, 2);
    expect(typed(draft)).toEqual(typed(current));
    expect(draft.version).toBe(2);
    expect([...draft.columns, ...draft.statements].map((row) => [row.key, row.id])).toEqual(ids);
    expect(hasUnsavedChanges(draft, baseline)).toBe(unsaved);
    expect(baseline).toBe(savedContent(afterSave(sent, sent, 2).draft)); // what the server holds
    expect(validateDraft(draft).errors).toEqual([]);
  });

  it("a new row saved later does not take an id a row saved meanwhile has", () => {
    const sent = threeColumnDraft();
    // While saving, statement 1 is retyped and a new statement gets its old text.
    const current = edit(sent, (x) => {
      x.statements[0]!.text = "Chooses the direction";
      x.statements.push({ key: "s4", id: null, text: "Sets the direction", canonical: "a", explanation: "" });
    });
    const { draft } = afterSave(current, sent, 2);
    expect(deckFromDraft(draft).statements.map((s) => s.id)).toEqual(["sets-the-direction", "keeps-the-budget", "owns-the-outcome", "sets-the-direction-2"]);
  });

  it("saving what was edited meanwhile leaves nothing unsaved, and ids do not change again", () => {
    const sent = threeColumnDraft();
    const first = afterSave(moveStatement(edit(sent, (x) => void (x.statements[0]!.text = "Chooses the direction")), "s1", 1)!, sent, 2);
    expect(hasUnsavedChanges(first.draft, first.baseline)).toBe(true);
    const second = afterSave(first.draft, first.draft, 3);
    expect(second.draft).toEqual({ ...first.draft, version: 3 });
    expect(hasUnsavedChanges(second.draft, second.baseline)).toBe(false);
    expect(second.draft.statements.map((s) => [s.key, s.id])).toEqual([
      ["s2", "keeps-the-budget"],
      ["s1", "sets-the-direction"],
      ["s3", "owns-the-outcome"],
    ]);
  });
});

describe("the server's errors, shown after the rows moved", () => {
  // Errors the server found in the draft that was sent: statement 2's text, column 3's label and
  // statement 3's explanation.
  const sent = threeColumnDraft();
  const issues = [
    { path: "statements.1.text", ...deckIssue("statement_text_too_long", { max: 200, length: 201 }) },
    { path: "columns.2.label", ...deckIssue("column_label_too_long", { max: 40, length: 41 }) },
    { path: "statements.2.explanation", ...deckIssue("statement_explanation_too_long", { max: 1000, length: 1001 }) },
  ];
  const serverErrors = draftErrors(sent, issues);

  // [what happened before the response arrived, the draft then, the fields with an error, in order]
  const cases: [string, (d: DeckDraft) => DeckDraft, string[]][] = [
    ["nothing", (d) => d, ["column:c:label", "statement:s2:text", "statement:s3:explanation"]],
    ["statement 3 moved to the top", (d) => moveStatement(moveStatement(d, "s3", -1)!, "s3", -1)!, ["column:c:label", "statement:s3:explanation", "statement:s2:text"]],
    ["column 3 moved to the left", (d) => moveColumn(moveColumn(d, "c", -1)!, "c", -1)!, ["column:c:label", "statement:s2:text", "statement:s3:explanation"]],
    ["statement 1 removed (indexes shift)", (d) => ({ ...d, statements: d.statements.slice(1) }), ["column:c:label", "statement:s2:text", "statement:s3:explanation"]],
    ["statement 2 removed (its error goes with it)", (d) => ({ ...d, statements: d.statements.filter((s) => s.key !== "s2") }), ["column:c:label", "statement:s3:explanation"]],
    ["column 3 removed", (d) => ({ ...d, columns: d.columns.slice(0, 2) }), ["statement:s2:text", "statement:s3:explanation"]],
  ];

  it.each(cases)("%s: each error stays on its row", (_name, change, fields) => {
    const shown = errorsOnDraft(serverErrors, change(structuredClone(sent)));
    expect(shown.map((e) => e.field)).toEqual(fields);
    for (const e of shown) expect(e).toEqual(serverErrors.find((s) => s.field === e.field));
  });

  it("are mapped by the rows of the draft that was sent", () => {
    expect(serverErrors.map((e) => [e.field, e.code])).toEqual([
      ["column:c:label", "column_label_too_long"],
      ["statement:s2:text", "statement_text_too_long"],
      ["statement:s3:explanation", "statement_explanation_too_long"],
    ]);
  });
});
