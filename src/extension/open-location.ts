// Opens a place the readiness panel links to: a file at its line, or a notebook at its cell (and line), beside the panel.
import { NotebookEditorRevealType, NotebookRange, Position, Range, Selection, ViewColumn, window, workspace, type Uri } from 'vscode';

/** `line` is 1-based; `cell` 0-based among all of a notebook's cells, as the engine counts them. Both are clamped. */
export async function openLocation(uri: Uri, line?: number, cell?: number): Promise<void> {
  if (uri.path.endsWith('.ipynb')) {
    const notebook = await workspace.openNotebookDocument(uri);
    const index = Math.min(Math.max(cell ?? 0, 0), Math.max(notebook.cellCount - 1, 0));
    const range = new NotebookRange(index, Math.min(index + 1, notebook.cellCount));
    const editor = await window.showNotebookDocument(notebook, { viewColumn: ViewColumn.Beside, selections: [range], preview: false });
    editor.revealRange(range, NotebookEditorRevealType.InCenterIfOutsideViewport);
    if (cell !== undefined && line !== undefined && notebook.cellCount > 0) {
      // Focusing the cell's own editor puts the cursor on the line inside the cell.
      const doc = notebook.cellAt(index).document;
      const at = new Position(Math.min(line - 1, doc.lineCount - 1), 0);
      await window.showTextDocument(doc, { viewColumn: editor.viewColumn ?? ViewColumn.Beside, selection: new Range(at, at), preview: false });
    }
    return;
  }
  const doc = await workspace.openTextDocument(uri);
  const index = Math.min(Math.max((line ?? 1) - 1, 0), Math.max(doc.lineCount - 1, 0));
  const text = doc.lineAt(index);
  const selection = new Selection(index, text.firstNonWhitespaceCharacterIndex, index, text.range.end.character);
  // Beside the panel, so the checklist stays in view while the user reads the evidence.
  const editor = await window.showTextDocument(doc, { viewColumn: ViewColumn.Beside, selection, preview: true });
  editor.revealRange(selection);
}
