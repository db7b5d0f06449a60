import type { Choice, Label, ResourceDef } from '../../../shared/resources/types';

export type Language = keyof Label;

interface Messages {
  [key: string]: string | Messages;
}

const choiceMessages = (choices: Choice[] | undefined, language: Language): Messages =>
  Object.fromEntries((choices ?? []).map((choice) => [choice.id, choice.name[language]]));

/**
 * `resources.<name>` messages from a definition: react-admin reads `name` (singular and plural
 * split by "||||") and `fields.<source>`; the admin adds `filters.<source>` and
 * `choices.<source>.<id>` so that choice lists are translated the same way as labels.
 */
export const resourceMessages = (def: ResourceDef, language: Language): Messages => {
  const labels = (items: Array<{ source: string; label: Label }>): Messages =>
    Object.fromEntries(items.map((item) => [item.source, item.label[language]]));
  const fields = labels(def.fields);
  const filters = labels(def.filters);
  const choices: Messages = {};
  for (const item of [...def.fields, ...def.filters]) {
    if (item.choices) choices[item.source] = choiceMessages(item.choices, language);
  }

  return {
    name: `${def.label.one[language]} |||| ${def.label.many[language]}`,
    fields,
    filters,
    choices,
  };
};

export const allResourceMessages = (defs: ResourceDef[], language: Language): Messages =>
  Object.fromEntries(defs.map((def) => [def.name, resourceMessages(def, language)]));

/** The translation key of one choice, as SelectInput and SelectField translate it. */
export const choiceKey = (resource: string, source: string, id: string): string =>
  `resources.${resource}.choices.${source}.${id}`;
