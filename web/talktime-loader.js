var TalkTime = {};
