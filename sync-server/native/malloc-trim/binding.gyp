{
  "targets": [{ "target_name": "malloc_trim", "sources": ["mallocTrim.c"] }]
}
