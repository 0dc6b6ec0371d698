// The documents open in the editor (text files and notebooks) and how their unsaved text reaches the engine's overlay.
import { readFileSync } from 'node:fs';
import { NotebookCellKind, type NotebookDocument, type NotebookDocuments, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { OverlayFileSystem } from '../engine/fs.js';
import { synthesizeNotebook, type EditorCell } from './notebook-json.js';
import { uriToPath } from './uri.js';

/** A text document or a notebook cell, with the notebook it belongs to. */
export interface OpenText {
  readonly doc: TextDocument;
  /** The notebook's URI and this cell's index among all its cells, for a cell. */
  readonly notebook?: { readonly uri: string; readonly cell: number; readonly cells: readonly string[] };
}

/**
 * Tracks open documents. Their text is copied into the overlay only by `capture`, which the server calls
 * inside its serial queue: so the overlay changes only between lint runs, and the versions recorded with a
 * capture are exactly the versions the next published findings describe.
 */
export class OpenDocuments {
  private readonly notebookUris = new Set<string>();
  /** Versions copied into the overlay, by document or cell URI. */
  private readonly captured = new Map<string, number>();
  /** Versions whose findings are published, by document or cell URI; code actions need them current. */
  private readonly linted = new Map<string, number>();

  constructor(
    private readonly texts: TextDocuments<TextDocument>,
    private readonly notebooks: NotebookDocuments<TextDocument>,
    private readonly overlay: OverlayFileSystem,
  ) {}

  notebookOpened(uri: string): void {
    this.notebookUris.add(uri);
  }

  notebookClosed(uri: string): void {
    this.notebookUris.delete(uri);
  }

  /** The open text document at a path. */
  textAt(path: string): TextDocument | undefined {
    return this.texts.all().find((d) => uriToPath(d.uri) === path);
  }

  /** The open notebook at a path. */
  notebookAt(path: string): NotebookDocument | undefined {
    for (const uri of this.notebookUris) if (uriToPath(uri) === path) return this.notebooks.getNotebookDocument(uri);
    return undefined;
  }

  /** Paths of every open document and notebook. */
  paths(): string[] {
    return [...this.texts.all().map((d) => d.uri), ...this.notebookUris].map(uriToPath).filter((p): p is string => p !== undefined);
  }

  /** A text document or notebook cell by its URI. */
  text(uri: string): OpenText | undefined {
    const cell = this.notebooks.getNotebookCell(uri);
    if (!cell) {
      const doc = this.texts.get(uri);
      return doc ? { doc } : undefined;
    }
    const notebook = this.notebooks.findNotebookDocumentForCell(uri);
    const doc = this.notebooks.getCellTextDocument(cell);
    if (!notebook || !doc) return undefined;
    return { doc, notebook: { uri: notebook.uri, cell: notebook.cells.indexOf(cell), cells: notebook.cells.map((c) => c.document) } };
  }

  /** Copies an open document's or notebook's current text into the overlay, or removes it when it is closed. */
  capture(uri: string, path: string): void {
    const doc = this.texts.get(uri);
    if (doc) {
      this.overlay.set(path, doc.getText());
      this.captured.set(uri, doc.version);
      return;
    }
    const notebook = this.notebookUris.has(uri) ? this.notebooks.getNotebookDocument(uri) : undefined;
    if (notebook) {
      this.overlay.set(path, synthesizeNotebook(this.editorCells(notebook), readSaved(path)));
      return;
    }
    this.overlay.delete(path);
    for (const key of [...this.captured.keys()]) if (key === uri || (key.startsWith('vscode-notebook-cell:') && !this.isCellOpen(key))) this.captured.delete(key);
    this.linted.delete(uri);
  }

  /** The captured versions become the published ones (call right after publishing). */
  published(): void {
    for (const [uri, version] of this.captured) this.linted.set(uri, version);
  }

  /** True when the findings published for this document describe its current text. */
  isCurrent(uri: string, version: number): boolean {
    return this.linted.get(uri) === version;
  }

  private isCellOpen(uri: string): boolean {
    return this.notebooks.getNotebookCell(uri) !== undefined;
  }

  private editorCells(notebook: NotebookDocument): EditorCell[] {
    return notebook.cells.map((cell) => {
      const text = this.notebooks.getCellTextDocument(cell);
      if (text) this.captured.set(cell.document, text.version);
      const language = text?.languageId;
      // VS Code's Jupyter support shows raw cells as code cells in the `raw` language.
      const kind = cell.kind === NotebookCellKind.Markup ? 'markdown' : language === 'raw' ? 'raw' : 'code';
      return { kind, source: text?.getText() ?? '', ...(language === undefined ? {} : { language }), ...(cell.executionSummary ? { executionOrder: cell.executionSummary.executionOrder } : {}) };
    });
  }
}

/** The notebook as saved, whose metadata and outputs the overlay keeps; read directly, as the editor's buffer may differ. */
function readSaved(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
