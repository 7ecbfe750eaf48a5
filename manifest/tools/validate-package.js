// Validates Teams app packages offline, against the schemas that @microsoft/app-manifest bundles (never the network:
// a version with no bundled schema is an error, not a download).
//
// stdin: a JSON array of packages, [{ "name": "...", "files": { "manifest.json": {...}, "fr.json": {...} } }], each
// holding the package's JSON files by their name in the zip. stdout: one JSON line per package,
// { "name", "manifestVersion", "errors": [{ "file", "path", "message" }] }. The exit code is 0 whenever the input could
// be read, valid or not: the caller decides what an error means. Exit code 2 = unreadable input.
'use strict';
const fs = require('fs');
const path = require('path');
// The Teams schemas declare draft-04 yet use `const` (manifestVersion), which plain draft-04 validators ignore:
// ajv-draft-04 enforces it.
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const schemaRoot = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
const manifestFile = 'manifest.json';
const compiled = new Map();

function compile(version, schemaName) {
  const key = `${version}/${schemaName}`;
  if (!compiled.has(key)) {
    const schemaPath = path.join(schemaRoot, `v${version}`, schemaName);
    if (!/^[A-Za-z0-9.]+$/.test(version) || !fs.existsSync(schemaPath)) {
      compiled.set(key, null);
    } else {
      // Strict about unknown keywords, but not about types: the published schemas put additionalProperties and
      // maxItems where no type is declared. unicodeRegExp: false because the Localization schema's patterns (e.g.
      // `\b]`) compile only without the u flag. allErrors so whoever packages sees every problem at once.
      const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
      addFormats(ajv, ['uri', 'email', 'regex']);
      compiled.set(key, ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8'))));
    }
  }
  return compiled.get(key);
}

// Like Teams' own tooling, the schema comes from the manifest's $schema URL; the schema's `const` then holds
// manifestVersion to the same version. Without $schema, manifestVersion picks it.
const publishedSchemaUrl = /^https:\/\/developer\.microsoft\.com\/(?:en-us\/)?json-schemas\/teams\/v([^/]+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/;

function schemaVersion(manifest) {
  if (manifest.$schema === undefined) {
    return manifest.manifestVersion;
  }
  const match = publishedSchemaUrl.exec(manifest.$schema);
  return match?.[2] === 'MicrosoftTeams.schema.json' ? match[1] : undefined;
}

function check(file, document, version, schemaName, errors) {
  const validate = compile(version, schemaName);
  if (!validate(document)) {
    for (const e of validate.errors) {
      errors.push({ file, path: e.instancePath || '/', message: `${e.message} ${JSON.stringify(e.params)}` });
    }
  }
  const match = publishedSchemaUrl.exec(document.$schema ?? '');
  if (document.$schema !== undefined && (match?.[1] !== version || match[2] !== schemaName)) {
    errors.push({ file, path: '/$schema', message: `must be the published URL of ${schemaName} v${version}` });
  }
}

function validatePackage({ name, files }) {
  const errors = [];
  const manifest = files?.[manifestFile];
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return { name, manifestVersion: null, errors: [{ file: manifestFile, path: '/', message: 'missing or not a JSON object' }] };
  }

  const version = schemaVersion(manifest);
  if (typeof version !== 'string' || compile(version, 'MicrosoftTeams.schema.json') === null) {
    const bundled = fs.readdirSync(schemaRoot).join(', ');
    errors.push({
      file: manifestFile,
      path: manifest.$schema === undefined ? '/manifestVersion' : '/$schema',
      message: `names no bundled Teams manifest schema (bundled: ${bundled})`,
    });
    return { name, manifestVersion: manifest.manifestVersion ?? null, errors };
  }

  check(manifestFile, manifest, version, 'MicrosoftTeams.schema.json', errors);

  const info = manifest.localizationInfo ?? {};
  const referenced = [info.defaultLanguageFile, ...(info.additionalLanguages ?? []).map(l => l?.file)].filter(f => typeof f === 'string');
  for (const file of referenced) {
    if (!(file in files)) {
      errors.push({ file, path: '/', message: 'referenced by localizationInfo but not in the package' });
    } else {
      check(file, files[file], version, 'MicrosoftTeams.Localization.schema.json', errors);
    }
  }
  for (const file of Object.keys(files)) {
    if (file !== manifestFile && !referenced.includes(file)) {
      errors.push({ file, path: '/', message: 'not referenced by the manifest\'s localizationInfo' });
    }
  }
  return { name, manifestVersion: manifest.manifestVersion ?? null, errors };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  let packages;
  try {
    packages = JSON.parse(input);
    if (!Array.isArray(packages)) throw new Error('expected a JSON array of packages');
  } catch (e) {
    process.stderr.write(`validate-package: ${e.message}\n`);
    process.exit(2);
  }
  for (const pkg of packages) {
    process.stdout.write(JSON.stringify(validatePackage(pkg)) + '\n');
  }
});
