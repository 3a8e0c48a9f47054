// Reader settings: one table of defaults and limits, used by the service worker to validate
// whatever the toolbar or storage hands it, and sent to the reading view to build its controls.

/** Each setting: its default, and either its choices or its numeric range and step. */
export const SETTINGS = Object.freeze({
  theme: { default: 'system', choices: ['light', 'sepia', 'dark', 'system'] },
  font: { default: 'sans', choices: ['serif', 'sans'] },
  fontSize: { default: 20, min: 14, max: 32, step: 1, unit: 'px' },
  width: { default: 38, min: 24, max: 60, step: 2, unit: 'em' },
  lineHeight: { default: 1.7, min: 1.3, max: 2.2, step: 0.1, unit: '' },
});

export const DEFAULTS = Object.freeze(
  Object.fromEntries(Object.entries(SETTINGS).map(([key, spec]) => [key, spec.default])),
);

/** A valid value for `key`, or undefined: numbers are clamped to the range and snapped to the step. */
export function validValue(key, value) {
  const spec = Object.hasOwn(SETTINGS, key) ? SETTINGS[key] : undefined;
  if (!spec) return undefined;
  if (spec.choices) return spec.choices.includes(value) ? value : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  const steps = Math.round((clamped - spec.min) / spec.step);
  // Round away the float noise of step arithmetic (1.3 + 4 * 0.1 = 1.7000000000000002).
  return Number((spec.min + steps * spec.step).toFixed(6));
}

/**
 * Complete settings from layers, later layers winning key by key (defaults < stored < patch).
 * Invalid or unknown values are ignored, so storage written by an older version cannot break
 * the reading view.
 */
export function mergeSettings(...layers) {
  const out = { ...DEFAULTS };
  for (const layer of layers) {
    if (!layer || typeof layer !== 'object') continue;
    for (const key of Object.keys(SETTINGS)) {
      const value = validValue(key, layer[key]);
      if (value !== undefined) out[key] = value;
    }
  }
  return out;
}
