/**
 * Renders a commercial document to PDF with pdfmake, pure JavaScript (runs on a Raspberry
 * Pi, no browser). The fonts are pdfmake's own Roboto files, read from node_modules once;
 * nothing is downloaded, ever.
 *
 * pdfmake resolves URLs (fonts, images, attachments) and reads local files named in a
 * document definition. Both are closed here (erp.md §3), on pdfmake's shared instance, as
 * soon as this module loads: no URL may be fetched, and the only files it may open are the
 * font files of its own package.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TFontDictionary } from 'pdfmake/interfaces.js';
import { buildDocumentPdfDefinition } from './document-pdf.template.js';
import type { DocumentPdfView } from './document-pdf.view.js';

const require = createRequire(import.meta.url);
const pdfmakeMain = require.resolve('pdfmake');
/**
 * The fontkit that pdfkit (under pdfmake) itself loads, so the parsed fonts handed to it are
 * of the version it expects. pdfkit accepts a parsed font in place of its bytes: parsing
 * Roboto once instead of once per document saves about a sixth of a render's CPU.
 */
const fontkit = createRequire(createRequire(pdfmakeMain).resolve('pdfkit'))('fontkit') as {
  create(data: Buffer): unknown;
};

/** pdfmake's bundled Roboto, inside its npm package. */
export const PDF_FONT_DIR = path.join(
  path.dirname(require.resolve('pdfmake/package.json')),
  'fonts',
  'Roboto',
);

/** pdfmake may fetch no URL at all: a document's data cannot make the server call out. */
export function pdfUrlAccessPolicy(url: string): boolean {
  void url;
  return false;
}

/** pdfmake may open only the font files shipped in its package, nothing a document names. */
export function pdfLocalAccessPolicy(file: string): boolean {
  if (typeof file !== 'string' || file.includes('\0')) return false;
  const resolved = path.resolve(file);
  return (
    path.dirname(resolved) === PDF_FONT_DIR &&
    resolved.endsWith('.ttf') &&
    !path.relative(PDF_FONT_DIR, resolved).includes('..')
  );
}

const fontFile = (name: string) => path.join(PDF_FONT_DIR, name);
let fonts: TFontDictionary | undefined;
/** Roboto read and parsed once, on the first render; no render reads a file after that. */
function robotoFonts(): TFontDictionary {
  if (fonts) return fonts;
  const read = (name: string) => {
    const file = fontFile(name);
    if (!pdfLocalAccessPolicy(file)) throw new Error(`font outside ${PDF_FONT_DIR}: ${file}`);
    // A fontkit font, typed as the bytes pdfmake's typings know about.
    return fontkit.create(readFileSync(file)) as Buffer;
  };
  fonts = {
    Roboto: {
      normal: read('Roboto-Regular.ttf'),
      bold: read('Roboto-Medium.ttf'),
      italics: read('Roboto-Italic.ttf'),
      bolditalics: read('Roboto-MediumItalic.ttf'),
    },
  };
  return fonts;
}

/**
 * pdfmake is one shared instance per process: its policies and fonts are set again before
 * every render (three assignments), so nothing else in the process can loosen them for us.
 */
function configurePdfmake(): void {
  pdfmake.setUrlAccessPolicy(pdfUrlAccessPolicy);
  pdfmake.setLocalAccessPolicy(pdfLocalAccessPolicy);
  pdfmake.setFonts(robotoFonts());
}
pdfmake.setUrlAccessPolicy(pdfUrlAccessPolicy);
pdfmake.setLocalAccessPolicy(pdfLocalAccessPolicy);

/** The PDF of a document, from its view alone. */
export async function renderDocumentPdf(view: DocumentPdfView): Promise<Buffer> {
  const definition = buildDocumentPdfDefinition(view);
  configurePdfmake();
  return pdfmake.createPdf(definition).getBuffer();
}
