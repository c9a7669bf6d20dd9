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
  var res = signedPost(url, secret, body);
  var code = res.getResponseCode();
  // 200: synced; 202: another sync was running and took the rows. Anything else is logged for the owner.
  if (code !== 200 && code !== 202) console.warn('sync endpoint answered ' + code + ': ' + res.getContentText());
}

/** POSTs a JSON body signed with the shared secret (HMAC-SHA256 over "<timestamp>.<body>", hex). */
function signedPost(url, secret, body) {
  var timestamp = String(Date.now());
  var bytes = Utilities.computeHmacSha256Signature(timestamp + '.' + body, secret, Utilities.Charset.UTF_8);
  var signature = bytes
    .map(function (b) {
      return ('0' + (b & 0xff).toString(16)).slice(-2);
    })
    .join('');
  return UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json',
    payload: body,
    headers: { 'X-Sheet-Timestamp': timestamp, 'X-Sheet-Signature': signature },
    muteHttpExceptions: true,
  });
}

/** The sheet's Complaints menu (a simple trigger may add menus). */
function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('投诉 Complaints')
    .addItem('发送案例档案 Email me the case file', 'requestCaseFile')
    .addToUi();
}

/**
 * Emails the case file of the selected Cases row (or of the number typed) to the manager asking, at their
 * address on the Staff tab; the endpoint refuses anyone else. CASE_FILE_URL defaults to SYNC_URL's
 * sibling, …/case-file.
 */
function requestCaseFile() {
  var ui = SpreadsheetApp.getUi();
  var props = PropertiesService.getScriptProperties();
  var secret = props.getProperty('SYNC_SECRET');
  var url = props.getProperty('CASE_FILE_URL') || String(props.getProperty('SYNC_URL') || '').replace(/sheet-hook$/, 'case-file');
  if (!url || !secret) return ui.alert('SYNC_URL / SYNC_SECRET are not set (Script Properties).');
  var sheet = SpreadsheetApp.getActiveSheet();
  var caseNo = '';
  if (sheet.getName() === 'Cases') {
    var header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    var column = header.indexOf('案例编号 Case No') + 1;
    var row = sheet.getActiveRange().getRow();
    if (column > 0 && row > 1) caseNo = String(sheet.getRange(row, column).getValue());
  }
  if (!caseNo) {
    var answer = ui.prompt('案例档案 Case file', '案例编号 Case number (e.g. 261120-007):', ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    caseNo = answer.getResponseText().trim();
  }
  var body = JSON.stringify({
    spreadsheetId: SpreadsheetApp.getActive().getId(),
    caseNo: caseNo,
    user: Session.getActiveUser().getEmail(),
  });
  var res = signedPost(url, secret, body);
  var code = res.getResponseCode();
  if (code === 200) ui.alert('已发送到您的邮箱 Sent to your email: ' + caseNo);
  else if (code === 403) ui.alert('只有 Staff 表中的经理可以索取案例档案 Only managers on the Staff tab may ask for case files.');
  else if (code === 404) ui.alert('没有这个案例 No such case: ' + caseNo);
  else ui.alert('出错了 Something went wrong (' + code + '): ' + res.getContentText());
}
