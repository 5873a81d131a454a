// Types of the templates' browser code (overrides/assets/javascripts/cg/), checked by `tsc --noEmit`.
// The data shapes are written by the build: hooks/credential_guides/answer_spec.py.

/** A form box that holds an answer. */
type Box = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** A column of a table field. */
interface ColumnSpec {
  id: string;
  label: string;
  date: boolean;
}

type FileKind = "photo" | "pdf";

/** What a files field takes (field_types.py's files). */
interface FilesSpec {
  min: number;
  max: number;
  accept: FileKind[];
  date: boolean;
  description: boolean;
}

/** One file of a files field, as a record keeps it (files.js); the file itself is in IndexedDB under its id. */
interface FileEntry {
  id: string;
  /** When this entry last changed (ISO time): of two tabs' copies, the later wins. */
  edited?: string;
  removed?: boolean;
  name?: string;
  kind?: FileKind;
  /** The kept file's size in bytes. */
  bytes?: number;
  width?: number;
  height?: number;
  /** A PDF's pages. */
  pages?: number;
  date?: string;
  description?: string;
}

/** A file as IndexedDB keeps it (filestore.js). */
interface StoredFile {
  id: string;
  blob: Blob;
  /** A small JPEG of a photo, as a data: URL (the page's CSP allows data: images, not blob:). */
  thumb: string | null;
  name: string;
  kind: FileKind;
  bytes: number;
  width?: number;
  height?: number;
  pages?: number;
}

/** A field of a template that takes an answer. */
interface FieldSpec {
  id: string;
  label: string;
  /** The adapter of its kind (cg/kinds.js): "text", "one", "many", "rows", "files"… */
  answer: string;
  /** An empty answer does not keep the template from complete. */
  optional?: boolean;
  counted: boolean;
  date: boolean;
  words: [number, number] | null;
  minRows: number | null;
  /** A table's published maximum of rows. */
  maxRows?: number | null;
  columns: ColumnSpec[] | null;
  files?: FilesSpec;
}

/** What a field kind's adapter (cg/kinds/) owns of its answers. */
interface KindAdapter {
  /** The answer as text, "" when there is none. */
  text(field: FieldSpec, record: Answers): string;
  /** What a document shows of it besides the text: a table, the options ticked, the files. */
  part?(field: FieldSpec, record: Answers): Partial<Part>;
  /** Whether it holds an answer; without this, when its text is not empty. */
  answered?(field: FieldSpec, record: Answers): boolean;
  /** What keeps an answer from complete. */
  problems?(field: FieldSpec, record: Answers): Missing[];
  /** The words it counts toward the template's total. */
  words?(field: FieldSpec, record: Answers): number;
  /** Whether a kept value is an answer of this kind; without this, when it is text. */
  fits?(field: FieldSpec, value: unknown): boolean;
}

/** A heading among a template's fields. */
interface HeadingSpec {
  heading: string;
}

/** What the browser knows of one template (script.cg-template-spec, and each of a summary's templates). */
interface TemplateSpec {
  credential: string;
  credentialTitle: string;
  id: string;
  title: string;
  words: [number, number] | null;
  checks: number;
  fields: (FieldSpec | HeadingSpec)[];
}

/** A credential's summary page (script#cg-summary-spec). */
interface SummarySpec {
  credential: string;
  title: string;
  templates: TemplateSpec[];
}

interface Orphan {
  label: string;
  value: string;
}

/** A template's answers: box name -> text or ticked options; point id -> ticked; table id -> rows in use. */
interface Answers {
  values: Record<string, any>;
  checks: Record<string, boolean>;
  rows: Record<string, number>;
}

/** A template's answers as kept in this browser (records.js). */
interface AnswerRecord extends Answers {
  schema: number;
  credential: string;
  template: string;
  title?: string;
  /** The credential's title when it was saved, for "Your answers". */
  credentialTitle?: string;
  page?: string;
  saved?: string;
  labels?: Record<string, string>;
  orphans?: Record<string, Orphan>;
}

/** One part of a submission: a heading, or a numbered question and its answer. */
interface Part {
  heading?: string;
  question?: string;
  answer?: string;
  table?: { columns: string[]; rows: { number: number; cells: string[] }[] };
  /** The options ticked, for an answer of "many". */
  items?: string[];
  /** The files attached, numbered, for an answer of "files". */
  files?: PartFile[];
}

/** A file of a submission: its number among the field's files, date in words and description. */
interface PartFile {
  id: string;
  number: number;
  kind: FileKind;
  name: string;
  date: string;
  description: string;
  pages?: number;
}

/** A block of a hand-in document (outline.js). */
type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; text: string; placeholder?: boolean }
  | { kind: "list"; items: string[] }
  | { kind: "table"; caption: string; columns: string[]; rows: string[][] }
  /** A photo: its caption is also its alternative text's context; alt describes it. */
  | { kind: "figure"; id: string; name: string; caption: string; alt: string }
  /** A PDF scan: named where it is attached; its pages follow the document's. */
  | { kind: "scan"; id: string; name: string; caption: string };

/** A template's submission (answers.js). */
interface Work {
  title: string;
  credential: string;
  parts: Part[];
  answered: number;
  questions: number;
}

/** What a document is made of (documents.js): a title, a subtitle, sections of parts. */
interface Document_ {
  title: string;
  subtitle: string;
  sections: { heading?: string; parts: Part[] }[];
}

/** A hand-in document made in this browser, and what the teacher should know of it before handing it in. */
interface Made {
  blob: Blob;
  notes: string[];
}

/** What keeps a template from complete (status.js); field null for the template's total. */
interface Missing {
  field: string | null;
  label: string | null;
  problem: "unanswered" | "under" | "over" | "few-files" | "undescribed";
  /** For files: how many are attached, the range asked, and which lack a date or description. */
  files?: number;
  numbers?: number[];
  each?: string;
  words?: number;
  range?: [number, number] | null;
  /** For an unanswered table: the rows it needs. */
  rows?: number;
}

/** What cgExchange and cgActions need of a template page (form.js's Template). */
interface TemplatePage {
  credential: string;
  template: string;
  spec: TemplateSpec;
  orphans: Record<string, Orphan>;
  replaceAll: boolean;
  flush(): void;
  collect(): Answers;
  fileName(extension: string): string;
  say(message: string): void;
  apply(answers: Partial<AnswerRecord>, keep?: Set<string>): void;
  findOrphans(record: Partial<AnswerRecord>): Record<string, Orphan>;
  showOrphans(): void;
  save(): void;
  /** What this tab changed since its last save (see cgRecords.merge). */
  changed: Set<string>;
  scheduleSave(): void;
  refresh(): void;
  clear(): void;
  removeOrphans(): void;
}

interface Window {
  /** The vendored docx library, once loaded. */
  docx?: any;
  /** The vendored pdf-lib, once loaded. */
  PDFLib?: any;
  /** The vendored pdfkit, once loaded. */
  PDFDocument?: any;
  /** The DejaVu fonts for PDFs, base64 (browser_fonts.py writes the script). */
  cgPdfFonts?: { regular: string; bold: string };
  /** Which Noto face draws which characters (browser_fonts.face_runs), once loaded. */
  cgPdfFallbackIndex?: { faces: string[]; runs: string };
  /** The Noto faces loaded so far, base64, by name. */
  cgPdfFallbackFonts?: Record<string, string>;
  /** The catalog's index (catalog-index.js, written by the build). */
  cgCatalogIndex?: CatalogIndex;
}

/** Pagefind's interface, on the search page. */
declare const PagefindUI: any;

/** The home page's catalog, as catalog-index.js holds it (catalog_filter.py). */
interface CatalogIndex {
  /** [id, title] */
  stacks: [string, string][];
  /** [id, label] */
  kinds: [string, string][];
  /** [id, title, stack's index, kinds' indexes, fewest words, most words, templates] */
  credentials: [string, string, number, number[], number, number, number][];
  /** A guide's folder, with {stack} and {id}. */
  guideFolder: string;
  pageSuffix: string;
}
