// Nothing on this page needs scripts (links, tables and plain forms): it ships none.
export const csr = false;
