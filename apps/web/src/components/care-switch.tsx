import { setCareMode, useCareMode } from '../lib/care-mode';

/** The 关怀模式 switch shown on every page: a toggle button whose state screen readers announce. */
export function CareSwitch() {
  const on = useCareMode();
  return (
    <button
      type="button"
      className="tj-care-switch"
      aria-pressed={on}
      aria-label="关怀模式"
      data-testid="care-switch"
      onClick={() => setCareMode(!on)}
    >
      <span aria-hidden="true">{on ? '☑' : '☐'}</span> 关怀
      {/* phones show 关怀 only: the staff header has to fit 390 px */}
      <span className="tj-care-long">模式</span>
    </button>
  );
}
