import type { ComponentChildren } from "preact";
import { useId, useRef } from "preact/hooks";

export interface Tab {
  key: string;
  label: string;
}

/**
 * Tabs as the WAI-ARIA pattern has them: one tab stop, arrow keys, Home and End move between
 * tabs; the selected panel follows.
 */
export function Tabs(props: {
  label: string;
  tabs: readonly Tab[];
  selected: string;
  onSelect: (key: string) => void;
  children: ComponentChildren;
}) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const index = props.tabs.findIndex((tab) => tab.key === props.selected);
  const move = (event: KeyboardEvent) => {
    const last = props.tabs.length - 1;
    const next =
      event.key === "ArrowRight"
        ? (index + 1) % props.tabs.length
        : event.key === "ArrowLeft"
          ? (index + last) % props.tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    props.onSelect(props.tabs[next].key);
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };
  return (
    <div class="tabs">
      <div role="tablist" aria-label={props.label} ref={list} onKeyDown={move}>
        {props.tabs.map((tab) => (
          <button
            type="button"
            role="tab"
            id={`${base}-${tab.key}`}
            aria-selected={tab.key === props.selected}
            aria-controls={`${base}-panel`}
            tabIndex={tab.key === props.selected ? 0 : -1}
            onClick={() => props.onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${props.selected}`} class="tab-panel">
        {props.children}
      </div>
    </div>
  );
}
