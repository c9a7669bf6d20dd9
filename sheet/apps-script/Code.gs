/**
 * Complaint cases: tells the sync endpoint which rows of the managers' sheet a person just edited, so
 * the edit reaches the cases within seconds (the scheduled sync, every 5 minutes, is the safety net).
 *
 * It sends where the edit was and who made it, never the data: the endpoint reads the rows itself.
 * Each ping is signed: HMAC-SHA256 over "<timestamp>.<body>" with the shared secret, hex, in
 * X-Sheet-Signature, the timestamp (milliseconds) in X-Sheet-Timestamp. The endpoint refuses pings older
 * than two minutes.
 *
 * Install (see the README, "The managers' sheet"): Extensions → Apps Script, paste this file and
 * appsscript.json, set the Script Properties SYNC_URL and SYNC_SECRET, run installTrigger once.
 * It must be an installable trigger: a simple onEdit(e) trigger may not call UrlFetchApp.
 */

/** Creates the on-edit trigger for this spreadsheet (run once, as the sheet's owner). */
function installTrigger() {
  var sheet = SpreadsheetApp.getActive();
  ScriptApp.getProjectTriggers().forEach(function (t) {
    if (t.getHandlerFunction() === 'onEditPing') ScriptApp.deleteTrigger(t);
  });
  ScriptApp.newTrigger('onEditPing').forSpreadsheet(sheet).onEdit().create();
}

/** The installable on-edit trigger: one signed ping per edit (a paste is one ping for its rows). */
function onEditPing(e) {
  var props = PropertiesService.getScriptProperties();
  var url = props.getProperty('SYNC_URL');
  var secret = props.getProperty('SYNC_SECRET');
  if (!url || !secret || !e || !e.range) return;
  var range = e.range;
  var user = e.user && e.user.getEmail ? e.user.getEmail() : '';
  var body = JSON.stringify({
    spreadsheetId: e.source.getId(),
    sheetName: range.getSheet().getName(),
    row: range.getRow(),
    numRows: range.getNumRows(),
    user: user,
  });
  var timestamp = String(Date.now());
  var bytes = Utilities.computeHmacSha256Signature(timestamp + '.' + body, secret, Utilities.Charset.UTF_8);
  var signature = bytes
    .map(function (b) {
      return ('0' + (b & 0xff).toString(16)).slice(-2);
    })
    .join('');
  var res = UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json',
    payload: body,
    headers: { 'X-Sheet-Timestamp': timestamp, 'X-Sheet-Signature': signature },
    muteHttpExceptions: true,
  });
  var code = res.getResponseCode();
  // 200: synced; 202: another sync was running and took the rows. Anything else is logged for the owner.
  if (code !== 200 && code !== 202) console.warn('sync endpoint answered ' + code + ': ' + res.getContentText());
}
