import type { Deck, DeckStatement } from "../types";

// Source: the "When to lead and when to manage" section of article.txt in this folder. The
// section is short, so each situation quotes the (long) sentence it comes from; several cards
// share one sentence. Its last paragraph ("managed, led or a combination of both") names no
// situation that belongs in one column, so it yields no card.

const LEAD = "lead";
const MANAGE = "manage";

const s = (id: string, text: string, canonical: string, explanation: string): DeckStatement => ({
  id,
  text,
  canonical,
  explanation,
});

const WHEN_TO_LEAD =
  "Lead your team when people are producing good results and have strong capabilities in their work; when you can trust in their skills, and need only to define the goal.";
const WHEN_TO_MANAGE =
  "Manage your team when completing work on a deadline, delegating important tasks and in situations which require specific results.";
const WHAT_MANAGING_MEANS =
  "Tell the team exactly what is expected of them, what they need to do, making sure to have examples and clear directions for them to follow.";
const NEW_MEMBERS =
  "New team members may need more hands-on management until they are more confident and skilled in their duties.";
const EXPERIENCED_MEMBERS = "Experienced members who are highly qualified will do better with minimal direction.";

export const leadOrManageDeck: Deck = {
  slug: "lead-or-manage",
  title: "Lead or manage?",
  description:
    "Situations a team lead faces: would you lead or manage? Based on the article “Leadership vs Management. Do you know the difference?”",
  language: "en",
  columns: [
    { id: "lead", label: "Lead" },
    { id: "manage", label: "Manage" },
  ],
  version: 1,
  statements: [
    s("good-results-strong-capabilities", "Your team is producing good results and has strong capabilities", LEAD, WHEN_TO_LEAD),
    s("trusted-skills", "You can trust in your team's skills", LEAD, WHEN_TO_LEAD),
    s("only-the-goal-needed", "You only need to define the goal", LEAD, WHEN_TO_LEAD),
    s("hard-deadline", "A deliverable is due on a hard deadline", MANAGE, WHEN_TO_MANAGE),
    s("delegating-important-task", "You are delegating an important task", MANAGE, WHEN_TO_MANAGE),
    s("specific-results-required", "The situation requires specific, well-defined results", MANAGE, WHEN_TO_MANAGE),
    // The sentence is the how of managing; its situation is a team that needs exactly that.
    s("needs-clear-directions", "The team needs examples and clear directions to follow", MANAGE, WHAT_MANAGING_MEANS),
    s("new-member", "A new member joined the team last week", MANAGE, NEW_MEMBERS),
    s("not-yet-confident", "A colleague is not yet confident and skilled in their duties", MANAGE, NEW_MEMBERS),
    s("experienced-qualified-member", "A highly qualified, experienced colleague takes on a task", LEAD, EXPERIENCED_MEMBERS),
  ],
};
