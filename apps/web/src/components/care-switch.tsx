import { setCareMode, useCareMode } from '../lib/care-mode';

/** The 关怀模式 switch shown on every page: a toggle button whose state screen readers announce. */
export function CareSwitch() {
  const on = useCareMode();
  return (
    <button
      type="button"
      className="tj-care-switch"
      aria-pressed={on}
      data-testid="care-switch"
      onClick={() => setCareMode(!on)}
    >
      <span aria-hidden="true">{on ? '☑' : '☐'}</span> 关怀模式
    </button>
  );
}
