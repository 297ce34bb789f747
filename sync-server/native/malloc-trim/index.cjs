// () => boolean: true if malloc_trim(0) handed memory back to the system.
module.exports = require('./build/Release/malloc_trim.node');
