// Event families and sub-types (ACLED's six families, snake_case, plus raqib's humanitarian family;
// /work/shared/eval/GUIDELINES.md) with their colours and English labels.

export const TYPES = [
  {
    id: "battles",
    label: "Battles",
    color: "#c0392b",
    sub: ["armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory"],
  },
  {
    id: "explosions_remote_violence",
    label: "Explosions / remote violence",
    color: "#e67e22",
    sub: [
      "air_drone_strike",
      "shelling_artillery_missile_attack",
      "remote_explosive_landmine_ied",
      "suicide_bomb",
      "grenade",
      "chemical_weapon",
    ],
  },
  {
    id: "violence_against_civilians",
    label: "Violence against civilians",
    color: "#8e44ad",
    sub: ["attack", "abduction_forced_disappearance", "sexual_violence"],
  },
  {
    id: "protests",
    label: "Protests",
    color: "#27ae60",
    sub: ["peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters"],
  },
  { id: "riots", label: "Riots", color: "#d4a017", sub: ["violent_demonstration", "mob_violence"] },
  {
    id: "strategic_developments",
    label: "Strategic developments",
    color: "#5d6d7e",
    sub: [
      "agreement",
      "arrests",
      "change_to_group_activity",
      "disrupted_weapons_use",
      "headquarters_or_base_established",
      "looting_property_destruction",
      "non_violent_transfer_of_territory",
      "other",
    ],
  },
  {
    id: "humanitarian",
    label: "Humanitarian",
    color: "#2e86c1",
    sub: ["displacement", "aid_blocked", "aid_delivered", "evacuation", "siege"],
  },
];

export const OTHER_COLOR = "#95a5a6";

const BY_ID = new Map(TYPES.map((t) => [t.id, t]));

export function typeColor(id) {
  return BY_ID.get(id)?.color ?? OTHER_COLOR;
}

export function typeLabel(id) {
  return BY_ID.get(id)?.label ?? humanize(id);
}

/** "air_drone_strike" -> "Air/drone strike"-ish: underscores to spaces, first letter capitalised. */
export function humanize(id) {
  if (!id) return "Unknown";
  const s = String(id).replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** All sub-types, or those of one family. */
export function subTypes(typeId) {
  if (typeId && BY_ID.has(typeId)) return BY_ID.get(typeId).sub;
  return TYPES.flatMap((t) => t.sub);
}

/** Index of a type in TYPES (unknown types after the known ones). */
export function typeIndex(id) {
  const i = TYPES.findIndex((t) => t.id === id);
  return i < 0 ? TYPES.length : i;
}
