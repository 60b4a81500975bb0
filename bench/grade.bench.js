// `npm run bench` runs every *.bench.js: this one is bench/grade.js (1000 generated submissions graded).
require('./grade.js')
  .main()
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
