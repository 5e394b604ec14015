package vn.solieu.ingest;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * How many grid columns each cell of a .docx's tables spans ({@code w:gridSpan}), which Tika's
 * text leaves out: it writes a merged cell once, so the columns after it shift left. One entry
 * per row of the body's top-level tables, in document order, as Tika writes the rows (cells of
 * a table nested in a cell belong to that cell).
 */
final class DocxTableSpans {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final XMLInputFactory XML = xmlFactory();

    private DocxTableSpans() {}

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // A document part needs no DTD or external entity; refusing them keeps a hostile file harmless.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    /** The spans of every top-level table row of {@code docx}, or an empty list when the part cannot be read. */
    static List<int[]> rows(byte[] docx) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("word/document.xml")) return rows(zip);
            }
        } catch (IOException | XMLStreamException e) {
            // Tika has read the file already; without the spans the tables keep Tika's cells.
        }
        return List.of();
    }

    private static List<int[]> rows(InputStream documentXml) throws XMLStreamException {
        List<int[]> rows = new ArrayList<>();
        XMLStreamReader x = XML.createXMLStreamReader(documentXml);
        try {
            int tableDepth = 0;
            List<Integer> row = null;
            while (x.hasNext()) {
                int event = x.next();
                if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) continue;
                if (!W.equals(x.getNamespaceURI())) continue;
                String name = x.getLocalName();
                boolean start = event == XMLStreamConstants.START_ELEMENT;
                switch (name) {
                    case "tbl" -> tableDepth += start ? 1 : -1;
                    case "tr" -> {
                        if (tableDepth != 1) break;
                        if (start) row = new ArrayList<>();
                        else if (row != null) {
                            rows.add(row.stream().mapToInt(Integer::intValue).toArray());
                            row = null;
                        }
                    }
                    case "tc" -> {
                        if (tableDepth == 1 && start && row != null) row.add(1);
                    }
                    case "gridSpan" -> {
                        if (tableDepth == 1 && start && row != null && !row.isEmpty()) {
                            String val = x.getAttributeValue(W, "val");
                            try {
                                row.set(row.size() - 1, Math.max(1, Integer.parseInt(val)));
                            } catch (NumberFormatException ignored) {
                                // a malformed span: the cell keeps one column
                            }
                        }
                    }
                    default -> { }
                }
            }
        } finally {
            x.close();
        }
        return rows;
    }
}
