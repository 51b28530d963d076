// Typesets pdfsynth24 with iText 5 (Debian package libitext5-java).
// Usage: java -cp /usr/share/java/itext5.jar:. Make24 <srcdir> <out.pdf>
import com.itextpdf.text.*;
import com.itextpdf.text.pdf.*;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.List;

public class Make24 {
    static final String F1 = "/usr/share/fonts/truetype/liberation2/";
    static final String F0 = "/usr/share/fonts/truetype/liberation/";
    static final String FC = "/usr/share/fonts/truetype/crosextra/";
    static BaseFont serif, serifI, serifB, serifBI, head, headB, headI, headBI, nar, narB, narI;

    static final Rectangle PORTRAIT = new Rectangle(PageSize.A4);
    static final float W = PORTRAIT.getWidth(), H = PORTRAIT.getHeight();
    static final float ML = 50, MR = 50, MT = 66, MB = 62, GAP = 17;
    static final float COLW = (W - ML - MR - GAP) / 2f;
    static final BaseColor TEAL = new BaseColor(0, 88, 108);
    static final BaseColor BOXBG = new BaseColor(232, 241, 244);
    static final BaseColor SECBG = new BaseColor(242, 242, 242);

    static final String JOURNAL = "Journal of Occupational and Metabolic Health";
    static final String CITE = "(2025) 9:e0318";
    static final String LICENCE = "\u00a9 The Author(s) 2025. Open Access. This article is licensed under a Creative Commons Attribution 4.0 International License (CC BY 4.0).";

    static Document doc;
    static PdfWriter writer;
    static PdfContentByte cb;
    static String srcDir;

    // column flow state
    static ColumnText body;
    static int col = 0;
    static float colTop, curY;
    static Deque<String> pending = new ArrayDeque<>();
    static boolean afterHeading = true;

    public static void main(String[] a) throws Exception {
        srcDir = a[0];
        serif = bf(F1 + "LiberationSerif-Regular.ttf");
        serifI = bf(F1 + "LiberationSerif-Italic.ttf");
        serifB = bf(F1 + "LiberationSerif-Bold.ttf");
        serifBI = bf(F1 + "LiberationSerif-BoldItalic.ttf");
        head = bf(FC + "Carlito-Regular.ttf");
        headB = bf(FC + "Carlito-Bold.ttf");
        headI = bf(FC + "Carlito-Italic.ttf");
        headBI = bf(FC + "Carlito-BoldItalic.ttf");
        nar = bf(F0 + "LiberationSansNarrow-Regular.ttf");
        narB = bf(F0 + "LiberationSansNarrow-Bold.ttf");
        narI = bf(F0 + "LiberationSansNarrow-Italic.ttf");

        List<String> lines = Files.readAllLines(Paths.get(srcDir, "article.txt"), StandardCharsets.UTF_8);

        doc = new Document(PORTRAIT, ML, MR, MT, MB);
        writer = PdfWriter.getInstance(doc, new FileOutputStream(a[1]));
        writer.setPdfVersion(PdfWriter.VERSION_1_6);
        writer.setPageEvent(new Deco());
        doc.addTitle(value(lines, "@title"));
        doc.addAuthor("Ane Etxeberria, Lorea Ibarra, Aitor Urrutia, Pilar Delgado-Ruiz, Miren Go\u00f1i, Mikel Arrieta Goikoetxea");
        doc.addSubject(JOURNAL + " " + CITE + ", doi:10.5555/jomh.2025.e0318");
        doc.addCreator("Make24.java (iText 5 ColumnText layout)");
        doc.open();
        cb = writer.getDirectContent();

        // ---------- front matter, full width ----------
        ColumnText ft = new ColumnText(cb);
        ft.setSpaceCharRatio(PdfWriter.NO_SPACE_CHAR_RATIO);
        ft.setSimpleColumn(ML, MB, W - MR, H - MT + 8);
        int i = 0;
        PdfPTable absBox = null;
        PdfPCell absCell = null;
        for (; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("@endfront")) { i++; break; }
            String cmd = cmdOf(l), arg = argOf(l);
            switch (cmd) {
                case "@kind": {
                    PdfPTable mast = new PdfPTable(2);
                    mast.setWidthPercentage(100);
                    mast.setWidths(new float[]{70, 30});
                    PdfPCell j1 = new PdfPCell(new Phrase(JOURNAL, new Font(headB, 15f, Font.NORMAL, TEAL)));
                    j1.setBorder(0); j1.setColspan(2); j1.setPaddingLeft(0); j1.setPaddingBottom(7);
                    mast.addCell(j1);
                    PdfPCell c1 = new PdfPCell(new Phrase(arg, new Font(headB, 9.5f, Font.NORMAL, BaseColor.WHITE)));
                    c1.setBorder(0); c1.setBackgroundColor(TEAL); c1.setPaddingLeft(6); c1.setPaddingBottom(4); c1.setPaddingTop(2);
                    PdfPCell c2 = new PdfPCell(new Phrase("Open Access", new Font(headB, 9.5f, Font.NORMAL, TEAL)));
                    c2.setBorder(0); c2.setHorizontalAlignment(Element.ALIGN_RIGHT); c2.setPaddingBottom(4); c2.setPaddingTop(2);
                    mast.addCell(c1); mast.addCell(c2);
                    ft.addElement(mast);
                    break;
                }
                case "@title": {
                    Paragraph p = new Paragraph(new Phrase(arg, new Font(headB, 17.5f, Font.NORMAL, BaseColor.BLACK)));
                    p.setLeading(20.5f, 0); p.setSpacingBefore(10); p.setSpacingAfter(8);
                    ft.addElement(p);
                    break;
                }
                case "@authors": {
                    Paragraph p = rich(arg, 11f, 14f, serif, serifI, serifB);
                    p.setSpacingAfter(6);
                    ft.addElement(p);
                    break;
                }
                case "@affil":
                case "@corr": {
                    Paragraph p = rich(arg, 8.2f, 10f, serif, serifI, serifB);
                    ft.addElement(p);
                    break;
                }
                case "@dates": {
                    Paragraph p = new Paragraph(new Phrase(arg, new Font(head, 8.2f, Font.NORMAL, BaseColor.DARK_GRAY)));
                    p.setLeading(10f, 0); p.setSpacingBefore(6); p.setSpacingAfter(8);
                    ft.addElement(p);
                    break;
                }
                case "@abs": {
                    if (absBox == null) {
                        absBox = new PdfPTable(1);
                        absBox.setWidthPercentage(100);
                        absCell = new PdfPCell();
                        absCell.setBorder(Rectangle.TOP);
                        absCell.setBorderWidthTop(1.5f); absCell.setBorderColorTop(TEAL);
                        absCell.setBackgroundColor(BOXBG);
                        absCell.setPadding(9); absCell.setPaddingTop(6);
                        Paragraph h = new Paragraph(new Phrase("Abstract", new Font(headB, 12f, Font.NORMAL, TEAL)));
                        h.setSpacingAfter(2);
                        absCell.addElement(h);
                    }
                    String[] parts = arg.split("\\|", 2);
                    Paragraph p = new Paragraph();
                    p.setLeading(11.6f, 0);
                    p.add(new Chunk(parts[0] + ":", new Font(headB, 9.6f, Font.NORMAL, TEAL)));
                    p.add(new Chunk(" " + parts[1], new Font(serif, 9.2f)));
                    p.setAlignment(Element.ALIGN_JUSTIFIED);
                    p.setSpacingAfter(3);
                    absCell.addElement(p);
                    break;
                }
                case "@kw": {
                    Paragraph p = new Paragraph();
                    p.setLeading(11.6f, 0);
                    p.add(new Chunk("Keywords:", new Font(headB, 9.6f, Font.NORMAL, TEAL)));
                    p.add(new Chunk(" " + arg, new Font(serifI, 9.2f)));
                    p.setSpacingBefore(2);
                    absCell.addElement(p);
                    absBox.addCell(absCell);
                    ft.addElement(absBox);
                    break;
                }
                default:
                    if (!l.trim().isEmpty()) throw new RuntimeException("front: " + l);
            }
        }
        if (ColumnText.hasMoreText(ft.go())) throw new RuntimeException("front matter does not fit");
        colTop = ft.getYLine() - 14;
        curY = colTop;

        // ---------- body, two columns ----------
        body = new ColumnText(cb);
        body.setSpaceCharRatio(PdfWriter.NO_SPACE_CHAR_RATIO);
        boolean inRefs = false;
        for (; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.trim().isEmpty()) continue;
            String cmd = cmdOf(l), arg = argOf(l);
            switch (cmd) {
                case "@h1": {
                    if (curY - MB < 70) nextColumn();
                    Paragraph p = new Paragraph(new Phrase(arg, new Font(headB, 12f, Font.NORMAL, TEAL)));
                    p.setLeading(14f, 0);
                    p.setSpacingBefore(curY >= colTop - 1 ? 0 : 9);
                    p.setSpacingAfter(3);
                    add(p);
                    inRefs = arg.equals("References");
                    afterHeading = true;
                    break;
                }
                case "@h2": {
                    if (curY - MB < 58) nextColumn();
                    Paragraph p = new Paragraph(new Phrase(arg, new Font(headBI, 10.4f, Font.NORMAL, BaseColor.BLACK)));
                    p.setLeading(12.5f, 0);
                    p.setSpacingBefore(curY >= colTop - 1 ? 0 : 6);
                    p.setSpacingAfter(2);
                    add(p);
                    afterHeading = true;
                    break;
                }
                case "@p": {
                    Paragraph p = rich(arg, 9.6f, 12.1f, serif, serifI, serifB);
                    p.setAlignment(Element.ALIGN_JUSTIFIED);
                    if (!afterHeading) p.setFirstLineIndent(11);
                    add(p);
                    afterHeading = false;
                    break;
                }
                case "@abbr": {
                    String[] parts = arg.split("\\|", 2);
                    Paragraph p = new Paragraph();
                    p.setLeading(11.4f, 0);
                    p.add(new Chunk(parts[0] + ":", new Font(serifB, 9.2f)));
                    p.add(new Chunk(" " + parts[1], new Font(serif, 9.2f)));
                    add(p);
                    break;
                }
                case "@ref": {
                    Paragraph p = new Paragraph(new Phrase(arg, new Font(serif, 8.1f)));
                    p.setLeading(9.9f, 0);
                    p.setIndentationLeft(11);
                    p.setFirstLineIndent(-11);
                    p.setSpacingAfter(1.8f);
                    p.setAlignment(Element.ALIGN_LEFT);
                    add(p);
                    break;
                }
                case "@fig": {
                    String[] parts = arg.split("\\|", 2);
                    add(figure1(parts[1]));
                    break;
                }
                case "@float": {
                    pending.add(arg.trim());
                    break;
                }
                default:
                    throw new RuntimeException("body: " + l);
            }
        }
        while (!pending.isEmpty()) newPage();
        doc.close();
    }

    // ---------- flow helpers ----------
    static void add(Element e) throws Exception {
        body.addElement(e);
        while (true) {
            body.setSimpleColumn(colX(), MB, colX() + COLW, curY);
            int status = body.go();
            curY = body.getYLine();
            if (!ColumnText.hasMoreText(status)) break;
            nextColumn();
        }
    }

    static float colX() { return col == 0 ? ML : ML + COLW + GAP; }

    static void nextColumn() throws Exception {
        if (col == 0) { col = 1; curY = colTop; }
        else newPage();
    }

    static void newPage() throws Exception {
        String f = pending.peek();
        if (f != null && f.equals("3")) {
            pending.poll();
            doc.setPageSize(PORTRAIT.rotate());
            doc.newPage();
            drawLandscape("3");
            doc.setPageSize(PORTRAIT);
        }
        doc.newPage();
        col = 0;
        colTop = H - MT;
        f = pending.peek();
        if (f != null && !f.equals("3")) {
            pending.poll();
            colTop = drawWide(f, colTop);
        }
        curY = colTop;
    }

    // ---------- tables ----------
    static class Tab {
        String label, title;
        float[] widths;
        List<String[]> h1 = null, h2 = null, h = null;
        List<String[]> rowsA = new ArrayList<>(), rowsB = new ArrayList<>();
        String contTitle = null, contNote = null;
        List<String> notes = new ArrayList<>();
    }

    static Tab readTab(String n) throws IOException {
        Tab t = new Tab();
        boolean second = false;
        for (String l : Files.readAllLines(Paths.get(srcDir, "table" + n + ".txt"), StandardCharsets.UTF_8)) {
            if (l.trim().isEmpty()) continue;
            String[] p = l.split("\\|", -1);
            switch (p[0]) {
                case "TITLE": t.label = p[1]; t.title = p[2]; break;
                case "WIDTHS": {
                    t.widths = new float[p.length - 1];
                    for (int k = 1; k < p.length; k++) t.widths[k - 1] = Float.parseFloat(p[k]);
                    break;
                }
                case "H1": t.h1 = new ArrayList<>(); t.h1.add(Arrays.copyOfRange(p, 1, p.length)); break;
                case "H2": t.h2 = new ArrayList<>(); t.h2.add(Arrays.copyOfRange(p, 1, p.length)); break;
                case "H": t.h = new ArrayList<>(); t.h.add(Arrays.copyOfRange(p, 1, p.length)); break;
                case "BREAK": second = true; t.contTitle = p[1]; t.contNote = p[2]; break;
                case "NOTE": t.notes.add(p[1]); break;
                default: (second ? t.rowsB : t.rowsA).add(p);
            }
        }
        return t;
    }

    static String sup(String s) { return s.replaceAll("\\^([A-Za-z0-9*])", "^{$1}"); }

    static PdfPCell tcell(String text, BaseFont f, float size, int align) {
        Paragraph p = rich(sup(text), size, size * 1.2f, f, narI, narB);
        p.setAlignment(align);
        PdfPCell c = new PdfPCell();
        c.addElement(p);
        c.setBorder(0);
        c.setPaddingTop(0.5f);
        c.setPaddingBottom(3.2f);
        c.setPaddingLeft(3);
        c.setPaddingRight(3);
        c.setUseAscender(true);
        c.setHorizontalAlignment(align);
        return c;
    }

    static PdfPTable buildTable(Tab t, List<String[]> rows, float width, float size, boolean textHeavy) throws Exception {
        int ncol = t.widths.length;
        PdfPTable tb = new PdfPTable(ncol);
        tb.setTotalWidth(width);
        tb.setLockedWidth(true);
        tb.setWidths(t.widths);
        tb.setSplitLate(false);
        int hdrRows = 0;
        if (t.h1 != null) {
            String[] top = t.h1.get(0);
            for (String s : top) {
                if (s.equals("~")) {
                    PdfPCell c = tcell("", narB, size, Element.ALIGN_LEFT);
                    c.setRowspan(2);
                    c.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
                    c.setBorderWidthTop(0.9f); c.setBorderWidthBottom(0.6f);
                    tb.addCell(c);
                } else {
                    int span = 1;
                    if (s.contains("*")) { span = Integer.parseInt(s.substring(s.indexOf('*') + 1)); s = s.substring(0, s.indexOf('*')); }
                    PdfPCell c = tcell(s, narB, size, Element.ALIGN_CENTER);
                    c.setColspan(span);
                    c.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
                    c.setBorderWidthTop(0.9f); c.setBorderWidthBottom(0.4f);
                    c.setPaddingTop(2f);
                    tb.addCell(c);
                }
            }
            for (String s : t.h2.get(0)) {
                PdfPCell c = tcell(s, narB, size, Element.ALIGN_CENTER);
                c.setBorder(Rectangle.BOTTOM);
                c.setBorderWidthBottom(0.6f);
                c.setPaddingBottom(3.5f);
                tb.addCell(c);
            }
            hdrRows = 2;
        } else {
            String[] hh = t.h.get(0);
            for (int k = 0; k < hh.length; k++) {
                PdfPCell c = tcell(hh[k], narB, size, (k == 0 || textHeavy) ? Element.ALIGN_LEFT : Element.ALIGN_CENTER);
                c.setBorder(Rectangle.TOP | Rectangle.BOTTOM);
                c.setBorderWidthTop(0.9f); c.setBorderWidthBottom(0.6f);
                c.setPaddingTop(2f); c.setPaddingBottom(3.5f);
                c.setVerticalAlignment(Element.ALIGN_BOTTOM);
                tb.addCell(c);
            }
            hdrRows = 1;
        }
        tb.setHeaderRows(hdrRows);
        for (int r = 0; r < rows.size(); r++) {
            String[] p = rows.get(r);
            boolean last = r == rows.size() - 1;
            String kind = p[0];
            if (kind.equals("G") || kind.equals("S")) {
                PdfPCell c = tcell(p[1], kind.equals("S") ? narB : nar, size, Element.ALIGN_LEFT);
                c.setColspan(ncol);
                if (kind.equals("S")) { c.setBackgroundColor(SECBG); c.setPaddingTop(1.5f); }
                tb.addCell(c);
                continue;
            }
            for (int k = 1; k < p.length; k++) {
                int align = (k == 1 || textHeavy) ? Element.ALIGN_LEFT : Element.ALIGN_CENTER;
                PdfPCell c = tcell(p[k], nar, size, align);
                if (k == 1 && kind.equals("I")) c.setPaddingLeft(11);
                if (textHeavy) { c.setPaddingTop(3f); c.setPaddingBottom(5.5f); }
                if (last) { c.setBorder(Rectangle.BOTTOM); c.setBorderWidthBottom(0.9f); }
                tb.addCell(c);
            }
        }
        return tb;
    }

    static Paragraph tableTitle(String label, String title) {
        Paragraph p = new Paragraph();
        p.setLeading(11.5f, 0);
        p.add(new Chunk(label, new Font(headB, 9.6f, Font.NORMAL, TEAL)));
        if (title != null && !title.isEmpty()) p.add(new Chunk("  " + title, new Font(head, 9.6f)));
        p.setSpacingAfter(4);
        return p;
    }

    static List<Element> noteParas(List<String> notes) {
        List<Element> out = new ArrayList<>();
        boolean first = true;
        for (String n : notes) {
            Paragraph p = rich(sup(n), 7.6f, 9.2f, nar, narI, narB);
            if (first) p.setSpacingBefore(3);
            first = false;
            out.add(p);
        }
        return out;
    }

    static List<Element> wideElements(String id) throws Exception {
        List<Element> els = new ArrayList<>();
        float width = W - ML - MR;
        if (id.equals("1")) {
            Tab t = readTab("1");
            els.add(tableTitle(t.label, t.title));
            els.add(buildTable(t, t.rowsA, width, 8.4f, false));
            els.addAll(noteParas(t.notes));
        } else if (id.equals("2a")) {
            Tab t = readTab("2");
            els.add(tableTitle(t.label, t.title));
            els.add(buildTable(t, t.rowsA, width, 8.4f, false));
            Paragraph c = new Paragraph(new Phrase(t.contNote, new Font(narI, 7.6f)));
            c.setAlignment(Element.ALIGN_RIGHT);
            c.setSpacingBefore(2);
            els.add(c);
        } else if (id.equals("2b")) {
            Tab t = readTab("2");
            els.add(tableTitle(t.contTitle, null));
            els.add(buildTable(t, t.rowsB, width, 8.4f, false));
            els.addAll(noteParas(t.notes));
        } else throw new RuntimeException("float " + id);
        return els;
    }

    static float drawWide(String id, float top) throws Exception {
        ColumnText sim = new ColumnText(cb);
        for (Element e : wideElements(id)) sim.addElement(e);
        sim.setSimpleColumn(ML, MB + 120, W - MR, top);
        if (ColumnText.hasMoreText(sim.go(true))) throw new RuntimeException("float " + id + " does not fit");
        ColumnText ct = new ColumnText(cb);
        ct.setSpaceCharRatio(PdfWriter.NO_SPACE_CHAR_RATIO);
        for (Element e : wideElements(id)) ct.addElement(e);
        ct.setSimpleColumn(ML, MB + 120, W - MR, top);
        ct.go();
        float y = ct.getYLine() - 8;
        cb.saveState();
        cb.setLineWidth(0.5f);
        cb.setColorStroke(TEAL);
        cb.moveTo(ML, y);
        cb.lineTo(W - MR, y);
        cb.stroke();
        cb.restoreState();
        return y - 12;
    }

    static void drawLandscape(String id) throws Exception {
        Rectangle ps = doc.getPageSize();
        float lw = ps.getWidth(), lh = ps.getHeight();
        float lm = 56;
        Tab t = readTab(id);
        ColumnText ct = new ColumnText(cb);
        ct.setSpaceCharRatio(PdfWriter.NO_SPACE_CHAR_RATIO);
        Paragraph tt = tableTitle(t.label, t.title);
        tt.setIndentationLeft(20);
        ct.addElement(tt);
        ct.addElement(buildTable(t, t.rowsA, lw - 2 * lm - 40, 10.2f, true));
        for (Element e : noteParas(t.notes)) { ((Paragraph) e).setIndentationLeft(20); ct.addElement(e); }
        ct.setSimpleColumn(lm, 60, lw - lm, lh - 66);
        if (ColumnText.hasMoreText(ct.go())) throw new RuntimeException("landscape table does not fit");
    }

    // ---------- figure ----------
    static PdfPTable figure1(String caption) throws Exception {
        float fw = COLW, fh = 262;
        PdfTemplate tp = cb.createTemplate(fw, fh);
        float cx = fw / 2f;
        float bw = 128;
        // main boxes (x centre offset to the left to leave room for side boxes)
        float mx = 70;
        box(tp, mx - 62, fh - 34, 124, 30, "Eligible nursing staff in six hospitals (n = 3,912)");
        box(tp, mx - 62, fh - 118, 124, 30, "Returned questionnaire and examined (n = 2,846)");
        box(tp, mx - 62, fh - 196, 124, 22, "Analysed (n = 2,554)");
        arrow(tp, mx, fh - 34, mx, fh - 88);
        arrow(tp, mx, fh - 118, mx, fh - 174);
        // side boxes
        float sx = 146, sw = fw - sx - 2;
        box(tp, sx, fh - 72, sw, 24, "Did not take part (n = 1,066)");
        arrow(tp, mx, fh - 60, sx, fh - 60);
        box(tp, sx, fh - 172, sw, 64, "Excluded (n = 292): pregnant or within 6 months after delivery (n = 64); incomplete fasting blood tests (n = 131); less than 12 months on current schedule (n = 97)");
        arrow(tp, mx, fh - 142, sx, fh - 142);
        // three groups
        float gy = 4, gh = 38, gw = (fw - 12) / 3f;
        String[] g = {"Day work only (n = 1,018)", "Rotating shifts with nights (n = 1,104)", "Permanent nights (n = 432)"};
        tp.setLineWidth(0.6f);
        tp.moveTo(mx, fh - 196); tp.lineTo(mx, fh - 206); tp.stroke();
        tp.moveTo(gw / 2f, fh - 206); tp.lineTo(fw - gw / 2f - 1, fh - 206); tp.stroke();
        for (int k = 0; k < 3; k++) {
            float x = k * (gw + 6);
            arrow(tp, x + gw / 2f, fh - 206, x + gw / 2f, gy + gh);
            box(tp, x, gy, gw, gh, g[k]);
        }
        Image img = Image.getInstance(tp);
        PdfPTable t = new PdfPTable(1);
        t.setTotalWidth(COLW);
        t.setLockedWidth(true);
        t.setKeepTogether(true);
        PdfPCell c = new PdfPCell();
        c.setBorder(0);
        c.setPadding(0);
        c.setPaddingTop(6);
        c.addElement(img);
        Paragraph p = new Paragraph();
        p.setLeading(10.6f, 0);
        p.add(new Chunk("Fig. 1", new Font(headB, 8.8f, Font.NORMAL, TEAL)));
        p.add(new Chunk("  " + caption, new Font(head, 8.8f)));
        p.setSpacingBefore(4);
        c.addElement(p);
        c.setPaddingBottom(8);
        t.addCell(c);
        return t;
    }

    static void box(PdfTemplate tp, float x, float y, float w, float h, String text) throws DocumentException {
        tp.saveState();
        tp.setLineWidth(0.7f);
        tp.setColorStroke(TEAL);
        tp.setColorFill(BOXBG);
        tp.rectangle(x, y, w, h);
        tp.fillStroke();
        tp.restoreState();
        ColumnText ct = new ColumnText(tp);
        Paragraph p = new Paragraph(new Phrase(text, new Font(head, 7.6f)));
        p.setLeading(8.8f, 0);
        p.setAlignment(Element.ALIGN_CENTER);
        ct.addElement(p);
        // vertical centring by simulation
        ct.setSimpleColumn(x + 3, y, x + w - 3, y + h - 2);
        ct.go(true);
        float used = (y + h - 2) - ct.getYLine();
        float off = Math.max(0, (h - 2 - used) / 2f - 1.5f);
        ColumnText ct2 = new ColumnText(tp);
        Paragraph p2 = new Paragraph(new Phrase(text, new Font(head, 7.6f)));
        p2.setLeading(8.8f, 0);
        p2.setAlignment(Element.ALIGN_CENTER);
        ct2.addElement(p2);
        ct2.setSimpleColumn(x + 3, y, x + w - 3, y + h - 2 - off);
        ct2.go();
    }

    static void arrow(PdfTemplate tp, float x1, float y1, float x2, float y2) {
        tp.saveState();
        tp.setLineWidth(0.6f);
        tp.moveTo(x1, y1);
        tp.lineTo(x2, y2);
        tp.stroke();
        double ang = Math.atan2(y2 - y1, x2 - x1);
        float s = 4;
        tp.moveTo(x2, y2);
        tp.lineTo((float) (x2 - s * Math.cos(ang - 0.4)), (float) (y2 - s * Math.sin(ang - 0.4)));
        tp.lineTo((float) (x2 - s * Math.cos(ang + 0.4)), (float) (y2 - s * Math.sin(ang + 0.4)));
        tp.closePath();
        tp.fill();
        tp.restoreState();
    }

    // ---------- text helpers ----------
    static BaseFont bf(String path) throws Exception {
        return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    }

    static String cmdOf(String l) { int k = l.indexOf(' '); return k < 0 ? l.trim() : l.substring(0, k); }
    static String argOf(String l) { int k = l.indexOf(' '); return k < 0 ? "" : l.substring(k + 1); }
    static String value(List<String> lines, String cmd) {
        for (String l : lines) if (cmdOf(l).equals(cmd)) return argOf(l);
        return "";
    }

    // markup: ^{...} superscript, {i:...} italic, {b:...} bold
    static Paragraph rich(String s, float size, float leading, BaseFont f, BaseFont fi, BaseFont fb) {
        Paragraph p = new Paragraph();
        p.setLeading(leading, 0);
        Font base = new Font(f, size);
        Font supF = new Font(f, size * 0.68f);
        StringBuilder buf = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            if (s.startsWith("^{", i)) {
                if (buf.length() > 0) { p.add(new Chunk(buf.toString(), base)); buf.setLength(0); }
                int j = s.indexOf('}', i);
                Chunk c = new Chunk(s.substring(i + 2, j), supF);
                c.setTextRise(size * 0.36f);
                p.add(c);
                i = j + 1;
            } else if (s.startsWith("{i:", i) || s.startsWith("{b:", i)) {
                if (buf.length() > 0) { p.add(new Chunk(buf.toString(), base)); buf.setLength(0); }
                int j = s.indexOf('}', i);
                p.add(new Chunk(s.substring(i + 3, j), new Font(s.charAt(i + 1) == 'i' ? fi : fb, size)));
                i = j + 1;
            } else {
                buf.append(s.charAt(i));
                i++;
            }
        }
        if (buf.length() > 0) p.add(new Chunk(buf.toString(), base));
        return p;
    }

    // ---------- running header and licence footer ----------
    static class Deco extends PdfPageEventHelper {
        PdfTemplate total;

        public void onOpenDocument(PdfWriter w, Document d) {
            total = w.getDirectContent().createTemplate(24, 12);
        }

        public void onEndPage(PdfWriter w, Document d) {
            Rectangle ps = d.getPageSize();
            float pw = ps.getWidth(), ph = ps.getHeight();
            boolean land = pw > ph;
            float lm = land ? 56 : ML, rm = land ? 56 : MR;
            PdfContentByte c = w.getDirectContent();
            Font hf = new Font(headI, 8.4f, Font.NORMAL, BaseColor.DARK_GRAY);
            Font hb = new Font(headB, 8.4f, Font.NORMAL, BaseColor.DARK_GRAY);
            Phrase left = new Phrase();
            left.add(new Chunk("Etxeberria et al. ", new Font(head, 8.4f, Font.NORMAL, BaseColor.DARK_GRAY)));
            left.add(new Chunk(JOURNAL, hf));
            left.add(new Chunk(" " + CITE, new Font(head, 8.4f, Font.NORMAL, BaseColor.DARK_GRAY)));
            float hy = ph - 40;
            ColumnText.showTextAligned(c, Element.ALIGN_LEFT, left, lm, hy, 0);
            String pg = "Page " + w.getPageNumber() + " of ";
            float tw = headB.getWidthPoint(pg, 8.4f);
            ColumnText.showTextAligned(c, Element.ALIGN_LEFT, new Phrase(pg, hb), pw - rm - 12 - tw, hy, 0);
            c.addTemplate(total, pw - rm - 12, hy);
            c.saveState();
            c.setLineWidth(0.4f);
            c.setColorStroke(TEAL);
            c.moveTo(lm, hy - 6);
            c.lineTo(pw - rm, hy - 6);
            c.stroke();
            c.moveTo(lm, 44);
            c.lineTo(pw - rm, 44);
            c.stroke();
            c.restoreState();
            ColumnText.showTextAligned(c, Element.ALIGN_CENTER,
                new Phrase(LICENCE, new Font(head, 7.2f, Font.NORMAL, BaseColor.DARK_GRAY)), pw / 2f, 32, 0);
        }

        public void onCloseDocument(PdfWriter w, Document d) {
            ColumnText.showTextAligned(total, Element.ALIGN_LEFT,
                new Phrase(String.valueOf(w.getPageNumber()), new Font(headB, 8.4f, Font.NORMAL, BaseColor.DARK_GRAY)), 0, 0, 0);
        }
    }
}
