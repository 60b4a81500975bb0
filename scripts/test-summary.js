// Prints the plain closing line CI reads ("tests: N passed, N failed") from vitest's JSON report.
const fs = require('fs');
const path = require('path');

const report = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.test-results.json'), 'utf8'));
console.log(`tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
