//! Spreadsheet row numbers of CSV text: a line break is LF, CRLF or a lone CR (Excel on
//! Windows writes CRLF, old Mac files CR), each counted once; breaks inside quoted fields
//! do not start a row (a spreadsheet shows such a record as one row); blank lines count.

/// The byte offsets at which each row after the first starts.
pub(crate) struct RowIndex<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> RowIndex<'a> {
    /// Indexes `text` (CSV with `"` quoting and `,` separators).
    pub(crate) fn new(text: &'a [u8]) -> Self {
        #[derive(Clone, Copy, PartialEq)]
        enum S {
            FieldStart,
            Unquoted,
            Quoted,
            QuoteInQuoted,
        }
        let mut starts = Vec::new();
        let mut s = S::FieldStart;
        let mut i = 0;
        while i < text.len() {
            let b = text[i];
            let is_break = b == b'\n' || b == b'\r';
            if is_break && s != S::Quoted {
                if b == b'\r' && text.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                starts.push(i + 1);
                s = S::FieldStart;
            } else {
                s = match (s, b) {
                    (S::FieldStart, b'"') => S::Quoted,
                    (S::FieldStart | S::Unquoted | S::QuoteInQuoted, b',') => S::FieldStart,
                    (S::FieldStart | S::Unquoted, _) => S::Unquoted,
                    (S::Quoted, b'"') => S::QuoteInQuoted,
                    (S::Quoted, _) => S::Quoted,
                    (S::QuoteInQuoted, b'"') => S::Quoted,
                    (S::QuoteInQuoted, _) => S::Unquoted,
                };
            }
            i += 1;
        }
        RowIndex { text, starts }
    }

    /// The 1-based row of the record the csv parser reports at byte `offset`. The parser
    /// reports the position where it began reading: after the previous record's terminator,
    /// before any blank lines (and at the LF of a CRLF); the record itself starts after them.
    pub(crate) fn row(&self, offset: u64) -> usize {
        let mut at = offset as usize;
        while at < self.text.len() && matches!(self.text[at], b'\r' | b'\n') {
            at += 1;
        }
        self.starts.partition_point(|&b| b <= at) + 1
    }

    /// The row of a csv record (its position's byte offset).
    pub(crate) fn of(&self, pos: Option<&csv::Position>) -> usize {
        pos.map_or(0, |p| self.row(p.byte()))
    }

    /// The row of a csv error, 0 when the error has no position.
    pub(crate) fn of_error(&self, e: &csv::Error) -> usize {
        self.of(e.position())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<usize> {
        let idx = RowIndex::new(text.as_bytes());
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        rdr.records()
            .map(|r| idx.of(r.unwrap().position()))
            .collect()
    }

    #[test]
    fn lf_crlf_cr_and_quotes() {
        assert_eq!(rows("a,b\n1,2\n3,4\n"), vec![1, 2, 3]);
        assert_eq!(rows("a,b\r\n1,2\r\n3,4\r\n"), vec![1, 2, 3]);
        assert_eq!(rows("a,b\r1,2\r3,4\r"), vec![1, 2, 3]);
        assert_eq!(rows("a,b\n\n1,2\n"), vec![1, 3]);
        assert_eq!(rows("a,b\n\"x\ny\",2\n3,4"), vec![1, 2, 3]);
        assert_eq!(rows("a,b\r\n\"x\"\"\r\ny\",2\r\n3,4"), vec![1, 2, 3]);
    }
}
