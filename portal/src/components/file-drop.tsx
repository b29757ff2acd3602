import { useState } from "preact/hooks";
import { droppedFiles } from "./dropped-files";

/**
 * Where files come in: drag them (or a folder) onto the area, or use the buttons, which are real
 * file inputs and so work from the keyboard and with assistive technology.
 */
export function FileDrop(props: {
  label: string;
  hint?: string;
  multiple?: boolean;
  folder?: boolean;
  accept?: string;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
}) {
  const [over, setOver] = useState(false);
  const take = (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    input.value = "";
    if (files.length > 0) props.onFiles(files);
  };
  const drop = async (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (props.disabled || !event.dataTransfer) return;
    const files = await droppedFiles(event.dataTransfer);
    if (files.length > 0) props.onFiles(props.multiple ? files : files.slice(0, 1));
  };
  return (
    <div
      class={`drop-zone${over ? " drop-over" : ""}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => void drop(event)}
    >
      <p class="drop-title">{props.label}</p>
      {props.hint && <p class="muted small">{props.hint}</p>}
      <div class="drop-buttons">
        <label class="button secondary">
          {props.multiple ? "Choose files" : "Choose a file"}
          <input
            type="file"
            class="file-input"
            accept={props.accept}
            multiple={props.multiple}
            disabled={props.disabled}
            onChange={(event) => take(event.currentTarget)}
          />
        </label>
        {props.folder && (
          <label class="button secondary">
            Choose a folder
            <input
              type="file"
              class="file-input"
              // Chromium, Firefox and Safari all take the prefixed attribute for picking a folder.
              {...{ webkitdirectory: true }}
              multiple
              disabled={props.disabled}
              onChange={(event) => take(event.currentTarget)}
            />
          </label>
        )}
      </div>
    </div>
  );
}
