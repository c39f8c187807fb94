// The demo video's own cookie, standing in for what a video platform sets in its player.
document.cookie = 'demo_video=' + Date.now() + '; path=/; max-age=' + 60 * 60 * 24 * 30 + '; SameSite=Lax';
