// File names of exported documents: one home for what Windows accepts in a name.

/** Windows refuses \ / : * ? " < > | in file names (and control characters anywhere). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_');
}

/** "…纪要（草稿）.pdf" → "…纪要（草稿）.docx". */
export function withExtension(fileName: string, ext: string): string {
  return fileName.replace(/\.[a-z]+$/i, '') + `.${ext}`;
}
