import type { Deck, DeckStatement } from "../types";

// Source: article.txt in this folder ("Leadership vs Management. Do you know the difference?").
// Each explanation is the article's sentence verbatim, typos included ("obbligation", "strategical",
// "Many time managers"), because it is shown as a quote after reveal and checked against the text.
// A two-sided sentence yields one card per side, both quoting the whole sentence.

const L = "leader";
const M = "manager";

const s = (id: string, text: string, canonical: string, explanation: string): DeckStatement => ({
  id,
  text,
  canonical,
  explanation,
});

export const leaderOrManagerDeck: Deck = {
  slug: "leader-or-manager",
  title: "Leader or Manager?",
  description:
    "Sort each statement into the column it describes. Based on the article “Leadership vs Management. Do you know the difference?”",
  language: "en",
  columns: [
    { id: "leader", label: "Leader" },
    { id: "manager", label: "Manager" },
  ],
  version: 1,
  statements: [
    // Some key differences
    s("chosen-for-a-role", "Is chosen because they play a role", L,
      "The leader is chosen because he/she plays a role."),
    s("hired-for-a-job", "Is hired to do a job", M,
      "The manager is hired to do a job."),
    // The article calls this person "just the boss", set against the true leader; the deck has
    // no "Boss" column, and the boss is the position-based side of the contrast, so: manager.
    s("followed-out-of-obligation", "Is followed out of obligation, fear or lack of options", M,
      "A \"leader\" who is followed out of obbligation/fear, or just lack of options, is just the boss."),
    s("vision-and-inspiration", "Is about vision, inspiration, encouragement and support", L,
      "Leadership is about vision, inspiration, encouragement and support."),
    s("goals-and-planning", "Is about goals, planning, monitoring and coordination", M,
      "Management is about goals, planning, monitoring and coordination."),
    s("grows-personally", "Grows personally", L,
      "Leaders grow personally, while managers rely on existing, proven skills."),
    s("relies-on-proven-skills", "Relies on existing, proven skills", M,
      "Leaders grow personally, while managers rely on existing, proven skills."),
    s("brings-people-together", "Brings people together towards a common goal", L,
      "The leader is capable of bringing people together towards a common goal."),
    s("controls-situations-people-outcomes", "Focuses on controlling situations, people and outcomes", M,
      "The manager is focused on controlling situations, people and outcomes."),
    s("takes-risks", "Takes risks", L,
      "Leaders take risks, managers control risk."),
    s("controls-risk", "Controls risk", M,
      "Leaders take risks, managers control risk."),
    s("brings-out-the-best", "Brings out the best in each person", L,
      "A leader is able to bring out the best of each person, building relationships and optimizing the team."),
    s("optimizes-the-team", "Builds relationships and optimizes the team", L,
      "A leader is able to bring out the best of each person, building relationships and optimizing the team."),
    s("optimizes-processes", "Implements systems and optimizes processes", M,
      "The manager must implement systems and optimize processes."),
    s("qualitative", "Is more qualitative", L,
      "Leadership is more qualitative, while management is more quantitative."),
    s("quantitative", "Is more quantitative", M,
      "Leadership is more qualitative, while management is more quantitative."),
    s("intangible-results", "Gets results that are often intangible", L,
      "The results of leadership are often intangible, while the results of management are easily measurable."),
    s("measurable-results", "Gets results that are easily measurable", M,
      "The results of leadership are often intangible, while the results of management are easily measurable."),
    s("promotes-change", "Promotes change", L,
      "Leaders promote change."),
    s("maintains-status-quo", "Maintains the status quo", M,
      "Managers maintain the status quo."),
    s("creates-fans-and-followers", "Creates fans and followers", L,
      "A leader creates fans and followers."),
    s("has-employees", "Has employees", M,
      "A manager has employees."),
    s("works-strategically", "Works strategically", L,
      "Leadership is strategical."),
    s("works-tactically", "Works tactically", M,
      "Management is tactical."),

    // The role of the leader
    s("seeks-future-opportunities", "Seeks out future opportunities to keep the organization sustainable", L,
      "Leaders have vision and seek out future opportunities to ensure the sustainability of the organization."),
    s("embraces-uncertainty", "Embraces uncertainty", L,
      "They embrace uncertainty, are a catalyst for change and create a culture of innovation."),
    s("catalyst-for-change", "Is a catalyst for change and creates a culture of innovation", L,
      "They embrace uncertainty, are a catalyst for change and create a culture of innovation."),
    // "is not the boss" cannot become a card without the give-away word, so only the second half does.
    s("does-not-make-all-decisions", "Does not have to make all the decisions", L,
      "A leader is not the boss and does not have to make all the decisions."),
    s("focuses-on-people", "Focuses on people", L,
      "Leaders focus on people."),
    s("knows-stakeholders", "Knows the stakeholders and spends most of their time with them", L,
      "They know who their stakeholders are and spend most of their time with them."),
    s("builds-loyalty-and-trust", "Builds loyalty and trust by consistently delivering on promises", L,
      "They build loyalty and trust by consistently delivering on their promise."),

    // The function of the manager
    s("executes-aligned-tasks", "Executes tasks and activities that align with the strategy", M,
      "Managers support an organization by executing tasks, functions, and activities that align with the organizational strategy."),
    s("structures-for-goals", "Focuses on the structures needed to set and achieve goals", M,
      "They focus on the structures necessary to set and achieve goals."),
    s("focuses-on-the-analytical", "Focuses on the analytical side", M,
      "They focus on the analytical and ensure systems are in place to attain desired outcomes."),
    s("systems-in-place", "Ensures systems are in place to attain desired outcomes", M,
      "They focus on the analytical and ensure systems are in place to attain desired outcomes."),
    s("individual-goals", "Works with individuals and their goals and objectives", M,
      "They work with individuals and their goals and objectives."),
    s("day-to-day-to-plan", "Ensures day-to-day operations are executed according to plan", M,
      "A manager ensures that the day-to-day operations are executed according to plan, and constantly evaluates their performance against a series of key performance indicators."),
    s("evaluates-against-kpis", "Constantly evaluates performance against key performance indicators", M,
      "A manager ensures that the day-to-day operations are executed according to plan, and constantly evaluates their performance against a series of key performance indicators."),

    // Both are important!
    s("critical-skills", "Has skills that are critical to the success of any enterprise", M,
      "Management skills are critical to the success of any enterprise."),
    s("complex-environments", "Operates in highly complex environments with significant responsibilities", M,
      "Many time managers operate in highly complex environments, with significant responsibilities, and constantly motivate their teams to achieve outstanding performance results."),
    s("motivates-for-outstanding-results", "Constantly motivates the team to achieve outstanding results", M,
      "Many time managers operate in highly complex environments, with significant responsibilities, and constantly motivate their teams to achieve outstanding performance results."),
    // The article's "cheerleaders-in-chief" hides the answer inside the word, so it is paraphrased.
    s("cheers-the-team-on", "Cheers the team on as its chief supporter", L,
      "Leaders serve as the cheerleaders-in-chief for their teams, but there’s a lot more to it than that."),
    s("mission-vision-strategy", "Establishes the mission, vision and strategy of the organization", L,
      "Leadership establishes the mission, vision, and strategy of the organization."),
    s("ongoing-clarity", "Gives the team ongoing clarity so strategic objectives are transparent", L,
      "More importantly, leadership offers ongoing clarity to their teams to ensure that the objectives that align with the strategy are transparent."),
  ],
};
