// The Word copies' styles.xml and fontTable.xml. Real paragraph styles — 正文 (Normal), 标题
// (Title), 纪要标志, 一级标题, 二级标题, 出席名单, 版记, 页码, 注释, 表格文字 (4号, 1.4 lines) — and two character styles (黑体字,
// 楷体字) carry the GB/T 9704 formatting, so a secretary changes the body font once, in 正文.
// The fonts are named as Chinese Word and WPS expect, with the name to fall back on in the font
// table (w:altName): 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体. Elements keep the
// schema's order (Word refuses a file whose w:pPr children are out of order).
// No automatic space between Chinese and digits (w:autoSpaceDE/DN off). The document grid is
// 22 lines × 28 characters (LINE_TWIPS, CHAR_SPACE; 正文 states its size, which LibreOffice
// measures the grid from).

/** One GB/T 9704 line: 225 mm / 22 in twips, rounded down so 22 lines fit the type area. */
export const LINE_TWIPS = Math.floor((225 * 1440) / 25.4 / 22);
/**
 * The character grid: 28 characters of 3号 (16 pt) across the 156 mm type area. w:charSpace is
 * the pitch's difference from 16 pt in 1/4096 pt: (156 mm / 28 − 16 pt) × 4096 ≈ −849.
 */
export const CHAR_SPACE = Math.floor(((156 / 25.4) * 72 / 28 - 16) * 4096);

export const FONT = {
  fangsong: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
  biao: '方正小标宋简体',
} as const;

/** Style ids the paragraphs name (w:pStyle / w:rStyle). */
export const STYLE = {
  body: 'Normal',
  title: 'Title',
  mark: 'MinutesMark',
  docNumber: 'DocNumber',
  heading1: 'HeadingOne',
  heading2: 'HeadingTwo',
  attendance: 'Attendance',
  imprint: 'Imprint',
  pageNumber: 'PageNumber',
  note: 'SmallNote',
  tableText: 'TableText',
  hei: 'HeiChars',
  kai: 'KaiChars',
} as const;

/**
 * The text itself holds the grid: 正文 is set 0.3 pt closer (w:spacing, twentieths of a point),
 * so 28 characters of 3号 fill the 156 mm line (15.7 pt each), and does not snap to the grid
 * (w:snapToGrid off) — LibreOffice gives a 16 pt character two cells of a 15.79 pt grid, 14 a
 * line. The grid is still set (Word's and WPS's 页面设置 show 28 × 22).
 */
const CONDENSE = -6;

const fonts = (name: string) => `<w:rFonts w:ascii="${name}" w:eastAsia="${name}" w:hAnsi="${name}" w:cs="${name}" w:hint="eastAsia"/>`;
const noIndent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>';

const paragraphStyle = (id: string, name: string, pPr: string, rPr = '', basedOn = 'Normal') =>
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="${basedOn}"/><w:next w:val="Normal"/><w:qFormat/><w:pPr>${pPr}</w:pPr>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}</w:style>`;
const characterStyle = (id: string, name: string, rPr: string) =>
  `<w:style w:type="character" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:qFormat/><w:rPr>${rPr}</w:rPr></w:style>`;

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${NS}>
<w:docDefaults>
<w:rPrDefault><w:rPr>${fonts(FONT.fangsong)}<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${LINE_TWIPS}" w:lineRule="exact"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr><w:rPr>${fonts(FONT.fangsong)}<w:spacing w:val="${CONDENSE}"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
<w:style w:type="paragraph" w:styleId="${STYLE.title}"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="${LINE_TWIPS}" w:line="640" w:lineRule="exact"/>${noIndent}<w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>${fonts(FONT.biao)}<w:spacing w:val="0"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
${paragraphStyle(STYLE.mark, '纪要标志', `<w:keepNext/><w:spacing w:before="${Math.round((35 * 1440) / 25.4)}" w:after="0" w:line="640" w:lineRule="exact"/>`, '<w:color w:val="E60012"/>', STYLE.title)}
${paragraphStyle(STYLE.docNumber, '发文字号', `<w:keepNext/>${noIndent}<w:jc w:val="center"/>`, '<w:spacing w:val="0"/>')}
${paragraphStyle(STYLE.heading1, '一级标题', '<w:keepNext/><w:outlineLvl w:val="0"/>', fonts(FONT.hei))}
${paragraphStyle(STYLE.heading2, '二级标题', '<w:keepNext/><w:outlineLvl w:val="1"/>', fonts(FONT.kai))}
${paragraphStyle(STYLE.attendance, '出席名单', `${noIndent}<w:jc w:val="left"/>`)}
${paragraphStyle(STYLE.imprint, '版记', `${noIndent}<w:jc w:val="left"/>`, '<w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/>')}
${paragraphStyle(STYLE.pageNumber, '页码', `<w:spacing w:line="240" w:lineRule="auto"/>${noIndent}`, `${fonts(FONT.song)}<w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/>`)}
${paragraphStyle(STYLE.note, '注释', `<w:spacing w:line="360" w:lineRule="exact"/>${noIndent}<w:jc w:val="right"/>`, '<w:color w:val="555555"/><w:spacing w:val="0"/><w:sz w:val="18"/><w:szCs w:val="18"/>')}
${paragraphStyle(STYLE.tableText, '表格文字', `<w:spacing w:line="392" w:lineRule="exact"/>${noIndent}<w:jc w:val="left"/>`, '<w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/>')}
${characterStyle(STYLE.hei, '黑体字', fonts(FONT.hei))}
${characterStyle(STYLE.kai, '楷体字', fonts(FONT.kai))}
</w:styles>`;

const font = (name: string, alt: string | null, panose: string, family: 'modern' | 'roman', pitch: 'fixed' | 'variable') =>
  `<w:font w:name="${name}">${alt ? `<w:altName w:val="${alt}"/>` : ''}<w:panose1 w:val="${panose}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;

export const FONT_TABLE_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts ${NS}>
${font(FONT.fangsong, '仿宋', '02010609030101010101', 'modern', 'fixed')}
${font('仿宋', 'FangSong', '02010609060101010101', 'modern', 'fixed')}
${font(FONT.hei, 'SimHei', '02010609060101010101', 'modern', 'fixed')}
${font(FONT.kai, '楷体', '02010609030101010101', 'modern', 'fixed')}
${font('楷体', 'KaiTi', '02010609060101010101', 'modern', 'fixed')}
${font(FONT.biao, '宋体', '02010600010101010101', 'roman', 'variable')}
${font(FONT.song, 'SimSun', '02010600030101010101', 'roman', 'variable')}
</w:fonts>`;
